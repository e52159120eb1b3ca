import type { Block, Content, Inline, Line } from './content.ts';
import { lineText } from './content.ts';

/** Slack's limits (Block Kit reference): we stay inside them rather than let a post fail. */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_CONTEXT_TEXT = 2000;
const MAX_CONTEXT_ELEMENTS = 10;
const MAX_FALLBACK_TEXT = 3000;
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTON_VALUE = 2000;
/**
 * The text of all blocks together. chat.postMessage refuses more with `msg_blocks_too_long`, a limit Slack
 * does not document: reported near 12,000 characters and below, so we keep well under it.
 */
const MAX_TOTAL_TEXT = 10_000;

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A button under a message (Confirm, Cancel): rendered into the message's last block. */
export interface SlackButtonSpec {
  actionId: string;
  text: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string };
  value: string;
  style?: 'primary' | 'danger';
}

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: SlackButton[] };

/** Slack's mrkdwn needs exactly these three escaped; anything else would show as entities. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Content is built once and never changed, so a content rendered again (a remembered /schedule answer,
// every request of a busy minute) reuses its blocks: rendering was most of the work left per request.
// Without buttons the fitted blocks are the same every time too, and kept with them.
const rendered = new WeakMap<Content, SlackMessage & { fitted: SlackBlock[] }>();

/**
 * Renders content as Block Kit with a plain fallback `text` for notifications and screen readers, and the
 * buttons, if any, in an actions block at the end. Every message for Slack goes through here, so every one
 * fits Slack's limits: see `fitBlocks`.
 */
export function renderSlack(content: Content, buttons: readonly SlackButtonSpec[] = []): SlackMessage {
  let message = rendered.get(content);
  if (!message) {
    const blocks = content.blocks.flatMap(toBlocks);
    message = {
      text: cutMrkdwn(fallbackText(content), MAX_FALLBACK_TEXT),
      blocks,
      fitted: fitBlocks(blocks),
    };
    rendered.set(content, message);
  }
  // The caller gets its own message and array; the blocks in it are shared and must not be changed.
  if (buttons.length === 0) return { text: message.text, blocks: [...message.fitted] };
  const actions: SlackBlock[] = [{ type: 'actions', elements: buttons.map(toButton) }];
  return { text: message.text, blocks: fitBlocks(message.blocks, actions) };
}

/**
 * At most 50 blocks and 10,000 characters of text, counting the blocks that must stay at the end (the
 * buttons: a preview whose Confirm was cut off could never be confirmed). What does not fit becomes one
 * "…and N more lines" block.
 */
export function fitBlocks(body: readonly SlackBlock[], trailing: readonly SlackBlock[] = []): SlackBlock[] {
  const room = MAX_BLOCKS - trailing.length;
  const budget = MAX_TOTAL_TEXT - sumText(trailing);
  if (body.length <= room && sumText(body) <= budget) return [...body, ...trailing];
  const kept: SlackBlock[] = [];
  // The "more" block itself takes one block and a few dozen characters.
  let left = budget - 50;
  for (const block of body) {
    if (kept.length === room - 1 || textIn(block) > left) break;
    kept.push(block);
    left -= textIn(block);
  }
  const dropped = body.slice(kept.length).reduce((n, block) => n + linesIn(block), 0);
  const more: SlackBlock = {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: `_…and ${dropped} more ${dropped === 1 ? 'line' : 'lines'} not shown_` },
    ],
  };
  return [...kept, more, ...trailing];
}

const sumText = (blocks: readonly SlackBlock[]): number => blocks.reduce((n, b) => n + textIn(b), 0);

/** The characters of text in a block, counted against the message's total. */
function textIn(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
    case 'divider':
      return 0;
  }
}

/** The lines of text a block shows, for the count of what was left out. */
function linesIn(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return 1;
    case 'section':
      return block.text.text.split('\n').length;
    case 'context':
      return block.elements.length;
    default:
      return 0;
  }
}

/** A button as Block Kit takes it, inside Slack's limits: every button of the bot is made here. */
export function toButton(spec: SlackButtonSpec): SlackButton {
  return {
    type: 'button',
    action_id: spec.actionId,
    text: { type: 'plain_text', text: cutMrkdwn(spec.text, MAX_BUTTON_TEXT) },
    value: spec.value.slice(0, MAX_BUTTON_VALUE),
    ...(spec.style ? { style: spec.style } : {}),
  };
}

function toBlocks(block: Block): SlackBlock[] {
  switch (block.kind) {
    case 'header':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: cutMrkdwn(block.text, MAX_HEADER_TEXT), emoji: true },
        },
      ];
    case 'section': {
      const lines = block.lines.map(mrkdwnLine);
      const heading = block.heading ? [`*${escapeMrkdwn(block.heading)}*`] : [];
      return chunkLines([...heading, ...lines], MAX_SECTION_TEXT).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text },
      }));
    }
    case 'context':
      return [
        {
          type: 'context',
          elements: block.lines
            .slice(0, MAX_CONTEXT_ELEMENTS)
            .map((l) => ({ type: 'mrkdwn', text: cutMrkdwn(mrkdwnLine(l), MAX_CONTEXT_TEXT) })),
        },
      ];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** Splits a long section over several blocks at line breaks, so nothing is cut mid-line. */
function chunkLines(lines: string[], limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = cutMrkdwn(raw, limit);
    if (current && current.length + 1 + line.length > limit) {
      chunks.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

export function mrkdwnLine(line: Line): string {
  return line.map(mrkdwnInline).join('');
}

function mrkdwnInline(inline: Inline): string {
  if (typeof inline === 'string') return escapeMrkdwn(inline);
  switch (inline.kind) {
    case 'strong':
      return `*${escapeMrkdwn(inline.text)}*`;
    case 'emphasis':
      return `_${escapeMrkdwn(inline.text)}_`;
    case 'code':
      return `\`${escapeMrkdwn(inline.text)}\``;
    case 'link':
      // "|" and ">" end a link label; escaping covers ">", "|" has no escape so it becomes a lookalike.
      return `<${inline.url.replace(/[<>|\s]/g, encodeURIComponent)}|${escapeMrkdwn(inline.text).replace(/\|/g, '¦')}>`;
    case 'day':
      // A calendar date is the same day for every reader: plain text, never a token Slack converts.
      return escapeMrkdwn(inline.text);
    case 'date':
      // A moment, in the reader's zone: "Thursday, October 30th, 2025 at 11:59 PM", or "tomorrow at 11:59 PM".
      // {date_long_pretty} keeps the weekday ({date_short_pretty} would drop it) and is one of the tokens
      // Slack documents for mrkdwn; {day_divider_pretty} is documented only for the rich-text date element.
      return `<!date^${inline.epochSeconds}^{date_long_pretty} at {time}|${escapeMrkdwn(inline.text).replace(/\|/g, '¦')}>`;
    case 'mention':
      // "!channel" only from a staff announcement that asked to notify; typed text never becomes one.
      if (inline.userId === '!channel') return '<!channel>';
      return /^[UW][A-Z0-9]+$/.test(inline.userId) ? `<@${inline.userId}>` : escapeMrkdwn(inline.text);
  }
}

/** Fallback text: the words of the content without markup, one line per line. */
function fallbackText(content: Content): string {
  return content.blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'header':
          return [b.text];
        case 'section':
          return [...(b.heading ? [b.heading] : []), ...b.lines.map(lineText)];
        case 'context':
          return b.lines.map(lineText);
        case 'divider':
          return [];
      }
    })
    .map(escapeMrkdwn)
    .join('\n');
}

/**
 * Cuts mrkdwn to at most `limit` characters, ending in "…", and never inside a unit Slack reads as one: a
 * `<…>` link, mention or date token, an `&amp;` entity, an `:emoji:` code, or a surrogate pair (an emoji or
 * other character outside the BMP). A cut inside one would show broken markup or a stray half-character.
 */
export function cutMrkdwn(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const budget = limit - 1;
  let end = 0;
  UNIT.lastIndex = 0;
  for (let m = UNIT.exec(text); m && m.index + m[0].length <= budget; m = UNIT.exec(text)) {
    end = m.index + m[0].length;
  }
  return `${text.slice(0, end)}…`;
}

// One unit of mrkdwn text, tried in this order; the last alternative is any single code point.
const UNIT = /<[^<>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);|:[a-z0-9_+'-]+:|[\s\S]/giu;
