import type { Block, Content, Inline, Line } from './content.ts';
import { lineText } from './content.ts';

/** Slack's limits (Block Kit reference): we stay inside them rather than let a post fail. */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_FALLBACK_TEXT = 3000;

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

/** Slack's mrkdwn needs exactly these three escaped; anything else would show as entities. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Content is built once and never changed, so a content rendered again (a remembered /schedule answer,
// every request of a busy minute) reuses its blocks: rendering was most of the work left per request.
const rendered = new WeakMap<Content, SlackMessage>();

/** Renders content as Block Kit with a plain fallback `text` for notifications and screen readers. */
export function renderSlack(content: Content): SlackMessage {
  let message = rendered.get(content);
  if (!message) {
    message = render(content);
    rendered.set(content, message);
  }
  // The caller gets its own message and array; the blocks in it are shared and must not be changed.
  return { text: message.text, blocks: [...message.blocks] };
}

function render(content: Content): SlackMessage {
  const blocks = content.blocks.flatMap(toBlocks);
  if (blocks.length > MAX_BLOCKS) {
    blocks.length = MAX_BLOCKS - 1;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '_… more not shown_' }] });
  }
  return { text: truncate(fallbackText(content), MAX_FALLBACK_TEXT), blocks };
}

function toBlocks(block: Block): SlackBlock[] {
  switch (block.kind) {
    case 'header':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: truncate(block.text, MAX_HEADER_TEXT), emoji: true },
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
            .slice(0, 10)
            .map((l) => ({ type: 'mrkdwn', text: truncate(mrkdwnLine(l), 2000) })),
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
    const line = truncate(raw, limit);
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
    case 'date': {
      const format = inline.style === 'day' ? '{date_short_pretty}' : '{date_short_pretty} at {time}';
      return `<!date^${inline.epochSeconds}^${format}|${escapeMrkdwn(inline.text).replace(/\|/g, '¦')}>`;
    }
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

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
