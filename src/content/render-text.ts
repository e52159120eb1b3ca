import type { Block, Content, Inline, Line } from './content.ts';

/** Renders content for the terminal: plain text, one block after another. */
export function renderText(content: Content): string {
  return content.blocks
    .map(blockText)
    .filter((s) => s.length > 0)
    .join('\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'header':
      return block.text;
    case 'section':
      return [
        ...(block.heading ? [`${block.heading}`] : []),
        ...block.lines.map((l) => `  ${lineOut(l)}`),
      ].join('\n');
    case 'context':
      return block.lines.map((l) => `  ${lineOut(l)}`).join('\n');
    case 'divider':
      return '';
  }
}

function lineOut(line: Line): string {
  return line.map(inlineOut).join('');
}

function inlineOut(inline: Inline): string {
  if (typeof inline === 'string') return inline;
  switch (inline.kind) {
    case 'link':
      return inline.text === inline.url ? inline.url : `${inline.text} <${inline.url}>`;
    case 'code':
      return `\`${inline.text}\``;
    default:
      return inline.text;
  }
}
