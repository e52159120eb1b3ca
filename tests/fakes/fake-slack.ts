/**
 * A fake Slack for tests, on 127.0.0.1 and a free port: the Web API at `/api/<method>`, response_urls at
 * `/respond/:id`, and Socket Mode at `ws://…/link`. Point Bolt and WebClient at it with
 * `clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }` and `botId`/`botUserId` set.
 *
 *   const fake = await startFakeSlack({ channels: [{ id: 'C0CLASS', name: 'cs599' }] });
 *   fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
 *   const ack = await fake.sendSlashCommand({ text: 'next' });   // Socket Mode: resolves with the ack
 *   expect(fake.messages('C0CLASS')).toHaveLength(1);
 *   await fake.close();
 *
 * Tokens are checked by prefix only: `xapp-` for apps.connections.open, `xoxb-` for everything else.
 * Every call is recorded in `fake.calls`, including refused and failed ones.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  channelFrom,
  defaultIdentity,
  imChannel,
  type FakeChannel,
  type FakeEphemeral,
  type FakeIdentity,
  type FakeMessage,
  type FakeState,
  type FakeUser,
  type FakeView,
} from './fake-state.ts';
import { fakeRequestListener, type ApiCall, type Failure } from './fake-http.ts';
import { LimitsState, type FakeLimits } from './fake-limits.ts';
import { FakeResponseUrls, type FakeResponse } from './fake-response-urls.ts';
import { FakeSocketMode, type Ack } from './fake-socket-mode.ts';
import {
  blockActionsPayload,
  homeActionsExtra,
  slashCommandPayload,
  viewSubmissionPayload,
  type BlockActionsOptions,
  type SlashCommandFields,
  type ViewSubmissionOptions,
} from './payloads.ts';

export type {
  FakeLimits,
  FakeChannel,
  FakeMessage,
  FakeEphemeral,
  FakeUser,
  FakeView,
  FakeResponse,
  Ack,
  ApiCall,
  Failure,
};

export interface FakeSlackOptions {
  identity?: Partial<FakeIdentity>;
  /** Default: one public channel C0CLASS "cs599" the bot is a member of. */
  channels?: Array<Partial<FakeChannel> & { id: string }>;
  /** Default: U0STUDENT and U0PROF, both in America/New_York. */
  users?: FakeUser[];
  /** auth.test and every bot-token call answer invalid_auth (a revoked token). */
  authFails?: boolean;
  /** The bot holds chat:write.public: it may post in public channels it has not joined. */
  canWritePublic?: boolean;
  /** Largest page for conversations.list/history, whatever `limit` says (to exercise pagination). */
  maxPageSize?: number;
  /** The fake's clock for message ts, call times and response_url expiry. Default Date.now. */
  nowMs?: () => number;
  /** Added to that clock: Slack's time runs this far ahead of (or, negative, behind) the bot's host. */
  clockOffsetMs?: number;
  /** Latency per call and rate limits on posts, as a busy Slack has them (see FakeLimits). */
  limits?: FakeLimits;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `${url}/api/` — for `slackApiUrl`. */
  readonly apiUrl: string;
  readonly state: FakeState;
  readonly calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  /** Messages posted (and still stored) in a channel, oldest first; all channels when omitted. */
  messages(channel?: string): FakeMessage[];
  ephemerals(channel?: string): FakeEphemeral[];
  /** Scripts the next `times` calls to `method` (queued after earlier scripts). */
  failNext(method: string, failure: Failure, times?: number): void;
  addChannel(channel: Partial<FakeChannel> & { id: string }): FakeChannel;
  addUser(user: FakeUser): void;
  setAuthFails(fails: boolean): void;
  /** Moves Slack's clock relative to the host's (see FakeSlackOptions.clockOffsetMs). */
  setClockOffset(ms: number): void;
  /** Mints a response_url on this fake. */
  responseUrl(): string;
  /** POSTs accepted by a response_url (by id or full URL), or by all of them. */
  responses(idOrUrl?: string): FakeResponse[];
  /** Socket Mode: pushes a slash_commands envelope and resolves with the app's ack (rejects after 3 s). */
  sendSlashCommand(fields?: Partial<SlashCommandFields>): Promise<Ack>;
  /** Socket Mode: pushes a block_actions (button) interaction and resolves with the ack. */
  sendInteractive(
    options: Omit<BlockActionsOptions, 'response_url'> & { response_url?: string },
  ): Promise<Ack>;
  /** Socket Mode: pushes an events_api envelope carrying `event` (e.g. app_home_opened). */
  sendEvent(event: Record<string, unknown>): Promise<Ack>;
  /** Socket Mode: `user` opens the app's Home tab (or its Messages tab). */
  openAppHome(user: string, tab?: 'home' | 'messages'): Promise<Ack>;
  /** Socket Mode: `user` clicks a button of their Home tab; resolves with the ack. */
  clickHomeButton(user: string, action: { action_id: string; value?: string }): Promise<Ack>;
  /** Socket Mode: a modal is submitted; resolves with the ack (its payload holds any `errors`). */
  sendViewSubmission(options: ViewSubmissionOptions): Promise<Ack>;
  /** Socket Mode: asks connected clients to reconnect. */
  sendDisconnect(reason?: string): void;
  /** Socket Mode: resolves true once a client is connected. */
  waitForConnection(timeoutMs?: number): Promise<boolean>;
  readonly socketMode: FakeSocketMode;
  close(): Promise<void>;
}

const DEFAULT_CHANNELS = [{ id: 'C0CLASS', name: 'cs599' }];
const DEFAULT_USERS: FakeUser[] = [
  { id: 'U0STUDENT', name: 'student', tz: 'America/New_York' },
  { id: 'U0PROF', name: 'professor', tz: 'America/New_York' },
];

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const base = options.nowMs ?? (() => Date.now());
  let offsetMs = options.clockOffsetMs ?? 0;
  const nowMs = () => base() + offsetMs;
  let eventsSent = 0;
  const state: FakeState = {
    identity: { ...defaultIdentity, ...options.identity },
    channels: new Map(),
    users: new Map((options.users ?? DEFAULT_USERS).map((u) => [u.id, u])),
    messages: [],
    ephemerals: [],
    views: new Map(),
    authFails: options.authFails ?? false,
    canWritePublic: options.canWritePublic ?? false,
    maxPageSize: options.maxPageSize ?? 1000,
    nowMs,
    lastTsMicros: 0,
  };
  for (const c of options.channels ?? DEFAULT_CHANNELS) state.channels.set(c.id, channelFrom(c));

  const calls: ApiCall[] = [];
  const scripts = new Map<string, Failure[]>();
  let baseUrl = '';
  const responseUrls = new FakeResponseUrls(() => baseUrl, nowMs);

  const server = createServer(
    fakeRequestListener({
      state,
      calls,
      scripts,
      responseUrls,
      baseUrl: () => baseUrl,
      ...(options.limits ? { limits: new LimitsState(options.limits, state) } : {}),
    }),
  );

  const socketMode = new FakeSocketMode(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const fake: FakeSlack = {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    state,
    calls,
    socketMode,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messages: (channel) => state.messages.filter((m) => channel === undefined || m.channel === channel),
    ephemerals: (channel) => state.ephemerals.filter((m) => channel === undefined || m.channel === channel),
    failNext(method, failure, times = 1) {
      const queue = scripts.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      scripts.set(method, queue);
    },
    addChannel(channel) {
      const created = channelFrom(channel);
      state.channels.set(created.id, created);
      return created;
    },
    addUser: (user) => void state.users.set(user.id, user),
    setAuthFails: (fails) => void (state.authFails = fails),
    setClockOffset: (ms) => void (offsetMs = ms),
    responseUrl: () => responseUrls.mint(),
    responses: (idOrUrl) => responseUrls.responses(idOrUrl),
    sendSlashCommand: (fields = {}) =>
      socketMode.push(
        'slash_commands',
        slashCommandPayload({ response_url: responseUrls.mint(), ...fields }),
      ),
    sendInteractive: (o) =>
      socketMode.push('interactive', blockActionsPayload({ response_url: responseUrls.mint(), ...o })),
    sendEvent: (event) =>
      socketMode.push('events_api', {
        token: 'verification-token-unused',
        team_id: state.identity.teamId,
        api_app_id: state.identity.appId,
        event: { event_ts: `${Math.floor(nowMs() / 1000)}.000200`, ...event },
        type: 'event_callback',
        // A counter, as Slack's ids are unique per delivery: two events sent in the same millisecond are two.
        event_id: `Ev${String(++eventsSent).padStart(6, '0')}${Math.floor(nowMs())}`,
        event_time: Math.floor(nowMs() / 1000),
        authorizations: [{ team_id: state.identity.teamId, user_id: state.identity.botUserId, is_bot: true }],
      }),
    openAppHome(user, tab = 'home') {
      return fake.sendEvent({ type: 'app_home_opened', user, channel: imChannel(state, user).id, tab });
    },
    clickHomeButton: (user, action) =>
      socketMode.push(
        'interactive',
        blockActionsPayload({
          actions: [{ ...action, block_id: 'home' }],
          response_url: '',
          userId: user,
          extra: { ...homeActionsExtra(user), response_url: undefined },
        }),
      ),
    sendViewSubmission: (o) => socketMode.push('interactive', viewSubmissionPayload(o)),
    sendDisconnect: (reason) => socketMode.disconnect(reason),
    waitForConnection: (timeoutMs) => socketMode.waitForConnection(timeoutMs),
    async close() {
      await socketMode.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
