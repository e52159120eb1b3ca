/** conversations.* of the fake Web API: channel lookup, listing and history with Slack's pagination. */
import { channelJson, fail, messageJson, page, toNumber, truthy, type Handler } from './api-shapes.ts';
import { imChannel, type FakeChannel } from './fake-state.ts';

export const conversationMethods: Record<string, Handler> = {
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

  // The channels a person is in, as the bot can see them: public ones, and private ones the bot is in.
  'users.conversations': (state, p) => {
    if (typeof p.user !== 'string') return fail('invalid_arguments');
    const types = new Set(String(p.types ?? 'public_channel').split(','));
    const mine = [...state.channels.values()].filter(
      (c) =>
        !c.isIm &&
        (c.members ?? []).includes(String(p.user)) &&
        types.has(c.isPrivate ? 'private_channel' : 'public_channel') &&
        (!c.isPrivate || c.isMember) &&
        !(truthy(p.exclude_archived) && c.isArchived),
    );
    const { items, nextCursor } = page(state, mine, p);
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
};
