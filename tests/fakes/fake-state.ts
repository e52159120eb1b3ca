/**
 * The workspace the fake Slack server pretends to be: its bot identity, channels, users, and what was posted.
 * Plain data, mutated only by the Web API handlers and the test's own setup calls.
 */

export interface FakeIdentity {
  teamId: string;
  teamName: string;
  botId: string;
  botUserId: string;
  appId: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  isMember: boolean;
  isArchived: boolean;
  isPrivate: boolean;
  isIm: boolean;
  /** People in the channel besides the bot (users.conversations answers from it). */
  members?: string[];
}

export interface FakeUser {
  id: string;
  name: string;
  tz: string;
}

/** Message metadata as Slack stores it (https://api.slack.com/metadata/using). */
export interface FakeMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface FakeMessage {
  ts: string;
  channel: string;
  text?: string;
  blocks?: unknown[];
  metadata?: FakeMetadata;
  threadTs?: string;
  user: string;
  botId: string;
  /** Set by chat.update. */
  edited?: boolean;
}

export interface FakeEphemeral {
  messageTs: string;
  channel: string;
  user: string;
  text?: string;
  blocks?: unknown[];
}

export interface FakeView {
  id: string;
  userId: string;
  view: unknown;
  /** Changes on every publish; a publish that passes an older one is refused with hash_conflict. */
  hash: string;
}

export interface FakeState {
  identity: FakeIdentity;
  channels: Map<string, FakeChannel>;
  users: Map<string, FakeUser>;
  messages: FakeMessage[];
  ephemerals: FakeEphemeral[];
  /** The last view published per user (Home tab). */
  views: Map<string, FakeView>;
  /** Bot-token methods answer invalid_auth while set (a revoked token). auth.test included. */
  authFails: boolean;
  /** With chat:write.public the bot may post in public channels it has not joined. */
  canWritePublic: boolean;
  /** The largest page conversations.list and conversations.history return, whatever `limit` asks for. */
  maxPageSize: number;
  nowMs: () => number;
  lastTsMicros: number;
}

export const defaultIdentity: FakeIdentity = {
  teamId: 'T0TEAM',
  teamName: 'Fake University',
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  appId: 'A0APP',
};

export function channelFrom(input: Partial<FakeChannel> & { id: string }): FakeChannel {
  return {
    name: input.id.toLowerCase(),
    isMember: true,
    isArchived: false,
    isPrivate: input.id.startsWith('G'),
    isIm: input.id.startsWith('D'),
    ...input,
  };
}

/**
 * A fresh, strictly increasing message ts ("seconds.micros"), as Slack's are: two posts in the same
 * millisecond still get distinct, ordered timestamps.
 */
export function nextTs(state: FakeState): string {
  const micros = Math.max(state.nowMs() * 1000, state.lastTsMicros + 1);
  state.lastTsMicros = micros;
  const seconds = Math.floor(micros / 1_000_000);
  return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** Finds a channel by ID, or by name with or without '#', as chat.postMessage accepts both. */
export function findChannel(state: FakeState, ref: unknown): FakeChannel | undefined {
  if (typeof ref !== 'string' || ref === '') return undefined;
  const byId = state.channels.get(ref);
  if (byId) return byId;
  const name = ref.replace(/^#/, '');
  for (const channel of state.channels.values()) if (channel.name === name) return channel;
  // A user ID or an IM ID addresses the bot's direct-message conversation with that user.
  if (/^[UW][A-Z0-9]+$/.test(ref) || /^D[A-Z0-9]+$/.test(ref)) return imChannel(state, ref);
  return undefined;
}

/** The direct-message channel with a user (created on first use), `D` + the user ID's tail. */
export function imChannel(state: FakeState, ref: string): FakeChannel {
  const id = ref.startsWith('D') ? ref : `D${ref.slice(1)}`;
  const existing = state.channels.get(id);
  if (existing) return existing;
  const channel = channelFrom({ id, name: id, isIm: true, isPrivate: true, isMember: true });
  state.channels.set(id, channel);
  return channel;
}
