/** chat.* of the fake Web API: posts are stored in the workspace state, refused as Slack would refuse them. */
import {
  blocksOf,
  cannotWrite,
  fail,
  messageJson,
  readMetadata,
  textOf,
  type Handler,
} from './api-shapes.ts';
import { findChannel, nextTs, type FakeMessage } from './fake-state.ts';

export const chatMethods: Record<string, Handler> = {
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
};
