/**
 * Structured message content: built once by the core (answers, reminders, announcements), then rendered
 * for Slack (Block Kit + fallback text) or for the terminal. Nothing here is pre-escaped: renderers escape.
 */

export type Inline =
  | string
  | { kind: 'strong'; text: string }
  | { kind: 'emphasis'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string; text: string }
  /** A moment shown in the reader's own timezone on Slack; `text` is the course-local fallback. */
  | { kind: 'date'; epochSeconds: number; style: 'day' | 'day-time'; text: string }
  /** A Slack user; `text` is how the terminal (and the fallback) shows them. */
  | { kind: 'mention'; userId: string; text: string };

export type Line = Inline[];

export type Block =
  | { kind: 'header'; text: string }
  | { kind: 'section'; heading?: string; lines: Line[] }
  | { kind: 'context'; lines: Line[] }
  | { kind: 'divider' };

export interface Content {
  blocks: Block[];
}

export const strong = (text: string): Inline => ({ kind: 'strong', text });
export const emphasis = (text: string): Inline => ({ kind: 'emphasis', text });
export const code = (text: string): Inline => ({ kind: 'code', text });
export const link = (url: string, text: string): Inline => ({ kind: 'link', url, text });
export const mention = (userId: string, text: string): Inline => ({ kind: 'mention', userId, text });

/** Plain text of an inline, without any markup: used for fallbacks and search. */
export function inlineText(inline: Inline): string {
  return typeof inline === 'string' ? inline : inline.text;
}

export function lineText(line: Line): string {
  return line.map(inlineText).join('');
}
