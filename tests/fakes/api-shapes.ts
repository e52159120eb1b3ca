/**
 * Shared pieces of the fake Web API: Slack's JSON shapes for channels and messages, error answers,
 * cursor pagination, and the decoding of form-encoded parameters.
 */
import type { FakeChannel, FakeMessage, FakeMetadata, FakeState } from './fake-state.ts';

export type ApiAnswer = Record<string, unknown> & { ok: boolean };
export type Params = Record<string, unknown>;
export type Handler = (state: FakeState, params: Params) => ApiAnswer;

export const fail = (error: string, extra: Record<string, unknown> = {}): ApiAnswer => ({
  ok: false,
  error,
  ...extra,
});

/** Form bodies carry booleans as strings. */
export const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;

export const toNumber = (v: unknown, fallback: number): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
};

/** Cursor pagination as Slack does it: an opaque cursor, an empty next_cursor on the last page. */
export function page<T>(state: FakeState, items: T[], params: Params): { items: T[]; nextCursor: string } {
  const start = typeof params.cursor === 'string' && params.cursor !== '' ? decodeCursor(params.cursor) : 0;
  const limit = Math.min(Math.max(1, toNumber(params.limit, 100)), state.maxPageSize);
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? encodeCursor(start + limit) : '';
  return { items: slice, nextCursor: next };
}
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor: string) => Number(Buffer.from(cursor, 'base64').toString().split(':')[1] ?? 0);

export function channelJson(c: FakeChannel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isIm && !c.isPrivate,
    is_group: c.isPrivate && !c.isIm,
    is_im: c.isIm,
    is_private: c.isPrivate,
    is_member: c.isMember,
    is_archived: c.isArchived,
  };
}

export function messageJson(
  state: FakeState,
  m: FakeMessage,
  withMetadata: boolean,
): Record<string, unknown> {
  return {
    type: 'message',
    ts: m.ts,
    user: m.user,
    bot_id: m.botId,
    app_id: state.identity.appId,
    text: m.text ?? '',
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...(m.edited ? { edited: { user: m.user, ts: m.ts } } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
  };
}

/** Why the bot may not write to `channel`, or undefined when it may. */
export function cannotWrite(state: FakeState, channel: FakeChannel | undefined): string | undefined {
  if (!channel) return 'channel_not_found';
  if (channel.isArchived) return 'is_archived';
  if (!channel.isMember && !(state.canWritePublic && !channel.isPrivate)) return 'not_in_channel';
  return undefined;
}

export function readMetadata(v: unknown): FakeMetadata | undefined | 'invalid' {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'object') return 'invalid';
  const m = v as Record<string, unknown>;
  if (typeof m.event_type !== 'string' || typeof m.event_payload !== 'object' || m.event_payload === null) {
    return 'invalid';
  }
  return { event_type: m.event_type, event_payload: m.event_payload as Record<string, unknown> };
}

export const blocksOf = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
export const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
