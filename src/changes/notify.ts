import { mention, type Content, type Line } from '../content/content.ts';
import type { AppliedChange } from './apply-change.ts';

/** Slack's special mention that notifies everyone in the channel; elsewhere it reads "@channel". */
export const CHANNEL_MENTION = mention('!channel', '@channel');

/**
 * The words a staff member adds at the end of a command to notify the channel: `--notify` or `@channel` (as
 * Slack passes a typed `@channel`). Anywhere else in the text, `@channel` stays plain words and notifies no one.
 */
export function takeNotify(text: string): { text: string; notify: boolean } {
  const m = /\s+(?:--notify|@channel|!channel)\s*$/i.exec(` ${text}`);
  return m ? { text: ` ${text}`.slice(0, m.index).trim(), notify: true } : { text, notify: false };
}

/** The announcement opened with the channel mention, and the history saying so. */
export function notifying(applied: AppliedChange): AppliedChange {
  return {
    ...applied,
    announcement: withChannelMention(applied.announcement),
    summary: `${applied.summary} (with @channel)`,
  };
}

export function withChannelMention(content: Content): Content {
  const [first, ...rest] = content.blocks;
  if (first?.kind !== 'section')
    return { blocks: [{ kind: 'section', lines: [[CHANNEL_MENTION]] }, ...content.blocks] };
  const [line = [], ...lines] = first.lines;
  const opened: Line = [CHANNEL_MENTION, ' ', ...line];
  return { blocks: [{ ...first, lines: [opened, ...lines] }, ...rest] };
}
