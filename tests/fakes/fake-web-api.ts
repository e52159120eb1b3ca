/**
 * The Web API methods the fake Slack server answers, each a function of the workspace state and the call's
 * parameters. Answers follow Slack's shapes closely enough for WebClient and Bolt; errors are Slack's codes.
 */
import {
  findChannel,
  imChannel,
  nextTs,
  type FakeChannel,
  type FakeMessage,
  type FakeMetadata,
  type FakeState,
} from './fake-state.ts';

export type ApiAnswer = Record<string, unknown> & { ok: boolean };
type Params = Record<string, unknown>;
type Handler = (state: FakeState, params: Params) => ApiAnswer;

const fail = (error: string, extra: Record<string, unknown> = {}): ApiAnswer => ({
  ok: false,
  error,
  ...extra,
});

/** Form bodies carry booleans as strings. */
export const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;

const toNumber = (v: unknown, fallback: number): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
};

/** Cursor pagination as Slack does it: an opaque cursor, an empty next_cursor on the last page. */
function page<T>(state: FakeState, items: T[], params: Params): { items: T[]; nextCursor: string } {
  const start = typeof params.cursor === 'string' && params.cursor !== '' ? decodeCursor(params.cursor) : 0;
  const limit = Math.min(Math.max(1, toNumber(params.limit, 100)), state.maxPageSize);
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? encodeCursor(start + limit) : '';
  return { items: slice, nextCursor: next };
}
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor: string) => Number(Buffer.from(cursor, 'base64').toString().split(':')[1] ?? 0);

function channelJson(c: FakeChannel): Record<string, unknown> {
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

function messageJson(state: FakeState, m: FakeMessage, withMetadata: boolean): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'bot_message',
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
function cannotWrite(state: FakeState, channel: FakeChannel | undefined): string | undefined {
  if (!channel) return 'channel_not_found';
  if (channel.isArchived) return 'is_archived';
  if (!channel.isMember && !(state.canWritePublic && !channel.isPrivate)) return 'not_in_channel';
  return undefined;
}

function readMetadata(v: unknown): FakeMetadata | undefined | 'invalid' {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'object') return 'invalid';
  const m = v as Record<string, unknown>;
  if (typeof m.event_type !== 'string' || typeof m.event_payload !== 'object' || m.event_payload === null) {
    return 'invalid';
  }
  return { event_type: m.event_type, event_payload: m.event_payload as Record<string, unknown> };
}

const blocksOf = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const handlers: Record<string, Handler> = {
  'auth.test': (state) => {
    const id = state.identity;
    return {
      ok: true,
      url: 'https://fake-university.slack.com/',
      team: id.teamName,
      user: 'coursebot',
      team_id: id.teamId,
      user_id: id.botUserId,
      bot_id: id.botId,
      is_enterprise_install: false,
    };
  },

  'chat.postMessage': (state, p) => {
    const channel = findChannel(state, p.channel);
    const refused = cannotWrite(state, channel);
    if (refused || !channel) return fail(refused ?? 'channel_not_found');
    const text = textOf(p.text);
    const blocks = blocksOf(p.blocks);
    if (!text && !blocks?.length) return fail('no_text');
    const metadata = readMetadata(p.metadata);
    if (metadata === 'invalid') return fail('invalid_metadata_format');
    const message: FakeMessage = {
      ts: nextTs(state),
      channel: channel.id,
      text,
      blocks,
      metadata,
      threadTs: textOf(p.thread_ts),
      user: state.identity.botUserId,
      botId: state.identity.botId,
    };
    state.messages.push(message);
    return { ok: true, channel: channel.id, ts: message.ts, message: messageJson(state, message, true) };
  },

  'chat.postEphemeral': (state, p) => {
    const channel = findChannel(state, p.channel);
    const refused = cannotWrite(state, channel);
    if (refused || !channel) return fail(refused ?? 'channel_not_found');
    if (typeof p.user !== 'string' || p.user === '') return fail('user_not_found');
    const text = textOf(p.text);
    const blocks = blocksOf(p.blocks);
    if (!text && !blocks?.length) return fail('no_text');
    const messageTs = nextTs(state);
    state.ephemerals.push({ messageTs, channel: channel.id, user: p.user, text, blocks });
    return { ok: true, message_ts: messageTs };
  },

  'chat.update': (state, p) => {
    const channel = findChannel(state, p.channel);
    if (!channel) return fail('channel_not_found');
    const message = state.messages.find((m) => m.channel === channel.id && m.ts === p.ts);
    if (!message) return fail('message_not_found');
    if (message.botId !== state.identity.botId) return fail('cant_update_message');
    const metadata = readMetadata(p.metadata);
    if (metadata === 'invalid') return fail('invalid_metadata_format');
    if (p.text !== undefined) message.text = textOf(p.text);
    if (p.blocks !== undefined) message.blocks = blocksOf(p.blocks);
    if (metadata) message.metadata = metadata;
    message.edited = true;
    return { ok: true, channel: channel.id, ts: message.ts, text: message.text ?? '' };
  },

  'conversations.info': (state, p) => {
    const channel = typeof p.channel === 'string' ? state.channels.get(p.channel) : undefined;
    return channel ? { ok: true, channel: channelJson(channel) } : fail('channel_not_found');
  },

  'conversations.list': (state, p) => {
    // Slack lists only public channels unless `types` asks for more.
    const types = new Set(String(p.types ?? 'public_channel').split(','));
    const typeOf = (c: FakeChannel) => (c.isIm ? 'im' : c.isPrivate ? 'private_channel' : 'public_channel');
    const all = [...state.channels.values()].filter(
      (c) => types.has(typeOf(c)) && !(truthy(p.exclude_archived) && c.isArchived),
    );
    const { items, nextCursor } = page(state, all, p);
    return { ok: true, channels: items.map(channelJson), response_metadata: { next_cursor: nextCursor } };
  },

  'conversations.history': (state, p) => {
    const channel = typeof p.channel === 'string' ? state.channels.get(p.channel) : undefined;
    if (!channel) return fail('channel_not_found');
    if (!channel.isMember) return fail('not_in_channel');
    const oldest = toNumber(p.oldest, 0);
    const latest = toNumber(p.latest, Number.POSITIVE_INFINITY);
    const inclusive = truthy(p.inclusive);
    const inRange = (ts: number) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
    const newestFirst = state.messages
      .filter((m) => m.channel === channel.id && inRange(Number(m.ts)))
      .sort((a, b) => Number(b.ts) - Number(a.ts));
    const { items, nextCursor } = page(state, newestFirst, p);
    const withMetadata = truthy(p.include_all_metadata);
    return {
      ok: true,
      messages: items.map((m) => messageJson(state, m, withMetadata)),
      has_more: nextCursor !== '',
      response_metadata: { next_cursor: nextCursor },
    };
  },

  'conversations.join': (state, p) => {
    const channel = typeof p.channel === 'string' ? state.channels.get(p.channel) : undefined;
    if (!channel) return fail('channel_not_found');
    if (channel.isArchived) return fail('is_archived');
    if (channel.isPrivate) return fail('method_not_supported_for_channel_type');
    channel.isMember = true;
    return { ok: true, channel: channelJson(channel) };
  },

  'conversations.open': (state, p) => {
    const user = typeof p.users === 'string' ? p.users.split(',')[0] : undefined;
    if (!user || !state.users.has(user)) return fail('user_not_found');
    return { ok: true, channel: { id: imChannel(state, user).id } };
  },

  'users.info': (state, p) => {
    const user = typeof p.user === 'string' ? state.users.get(p.user) : undefined;
    if (!user) return fail('user_not_found');
    return {
      ok: true,
      user: {
        id: user.id,
        name: user.name,
        real_name: user.name,
        tz: user.tz,
        is_bot: false,
        deleted: false,
      },
    };
  },

  'views.publish': (state, p) => {
    if (typeof p.user_id !== 'string' || !state.users.has(p.user_id)) return fail('user_not_found');
    if (typeof p.view !== 'object' || p.view === null) return fail('invalid_arguments');
    const id = `V${String(state.views.size + 1).padStart(6, '0')}`;
    const stored = { id: state.views.get(p.user_id)?.id ?? id, userId: p.user_id, view: p.view };
    state.views.set(p.user_id, stored);
    return { ok: true, view: { ...(p.view as object), id: stored.id } };
  },
};

/** The methods answered; anything else is `unknown_method`. apps.connections.open lives in the server. */
export const knownMethods = new Set([...Object.keys(handlers), 'apps.connections.open']);

/** Answers one bot-token Web API call (the token was checked by the caller). */
export function answerApiCall(state: FakeState, method: string, params: Params): ApiAnswer {
  const handler = handlers[method];
  if (!handler) return fail('unknown_method');
  if (state.authFails) return fail('invalid_auth');
  return handler(state, params);
}
