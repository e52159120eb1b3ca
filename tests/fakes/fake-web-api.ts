/**
 * The Web API methods the fake Slack server answers, each a function of the workspace state and the call's
 * parameters. Answers follow Slack's shapes closely enough for WebClient and Bolt; errors are Slack's codes.
 */
import { fail, page, type ApiAnswer, type Handler, type Params } from './api-shapes.ts';
import { chatMethods } from './fake-chat-methods.ts';
import { conversationMethods } from './fake-conversation-methods.ts';
import type { FakeState } from './fake-state.ts';

export type { ApiAnswer };

const handlers: Record<string, Handler> = {
  ...chatMethods,
  ...conversationMethods,
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

  'users.list': (state, p) => {
    const { items, nextCursor } = page(state, [...state.users.values()], p);
    const members = items.map((u) => ({ id: u.id, name: u.name, real_name: u.name, deleted: false }));
    return { ok: true, members, response_metadata: { next_cursor: nextCursor } };
  },

  'views.publish': (state, p) => {
    if (typeof p.user_id !== 'string' || !state.users.has(p.user_id)) return fail('user_not_found');
    if (typeof p.view !== 'object' || p.view === null) return fail('invalid_arguments');
    const previous = state.views.get(p.user_id);
    // Slack's race guard: a publish made from an out-of-date view is refused.
    if (typeof p.hash === 'string' && previous && p.hash !== previous.hash) return fail('hash_conflict');
    const id = previous?.id ?? `V${String(state.views.size + 1).padStart(6, '0')}`;
    const hash = `${id}-${(Number(previous?.hash.split('-')[1] ?? 0) + 1).toString()}`;
    const stored = { id, userId: p.user_id, view: p.view, hash };
    state.views.set(p.user_id, stored);
    return { ok: true, view: { ...(p.view as object), id, hash } };
  },

  // A modal opens only from a fresh click (its trigger_id); the call itself is the record (callsTo).
  'views.open': (_state, p) => {
    if (typeof p.trigger_id !== 'string' || p.trigger_id === '') return fail('invalid_trigger_id');
    if (typeof p.view !== 'object' || p.view === null) return fail('invalid_arguments');
    return { ok: true, view: { ...(p.view as object), id: `VMODAL${p.trigger_id.replace(/\W/g, '')}` } };
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
