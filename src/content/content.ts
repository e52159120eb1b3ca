/**
 * Structured message content: built once by the core (answers, reminders, announcements), then rendered
 * for Slack (Block Kit + fallback text) or for the terminal. Nothing here is pre-escaped: renderers escape.
 */

import type { LocalDate } from '../plan/local-date.ts';

export type Inline =
  | string
  | { kind: 'strong'; text: string }
  | { kind: 'emphasis'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string; text: string }
  /**
   * A calendar day of the course ("Thu Nov 27"): a holiday or a deadline without a time is the same day for
   * every reader, wherever they are, so it is shown as the course's text and never converted.
   */
  | { kind: 'day'; date: LocalDate; text: string }
  /** A moment (a day and a time of day), shown in the reader's own zone on Slack; `text` is the course-local fallback. */
  | { kind: 'date'; epochSeconds: number; text: string }
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
