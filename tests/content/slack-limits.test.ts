// Messages Slack accepts: at most 50 blocks counting the buttons, and texts cut where nothing breaks.
import { describe, expect, it } from 'vitest';
import { link, mention, type Content, type Line } from '../../src/content/content.ts';
import { cutMrkdwn, fitBlocks, renderSlack, type SlackBlock } from '../../src/content/render-slack.ts';

const BUTTONS = [
  { actionId: 'confirm', text: 'Confirm', value: 'p1', style: 'primary' as const },
  { actionId: 'cancel', text: 'Cancel', value: 'p1' },
];

/** A preview of `changes` short sections, one block each. */
function longPreview(changes: number): Content {
  return {
    blocks: [
      { kind: 'header', text: 'Preview' },
      ...Array.from({ length: changes }, (_, i) => ({ kind: 'section' as const, lines: [[`Change ${i}`]] })),
      { kind: 'context', lines: [['Confirm to apply this.']] },
    ],
  };
}

/** Every text in the blocks, as Slack adds them up. */
const totalText = (blocks: SlackBlock[]) =>
  JSON.stringify(blocks)
    .match(/"text":"(?:[^"\\]|\\.)*"/g)!
    .reduce((n, t) => n + t.length - 9, 0);

describe('the block cap', () => {
  it('keeps the buttons of a long preview inside 50 blocks and says how much was left out', () => {
    const { blocks } = renderSlack(longPreview(60), BUTTONS);
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: 'confirm', style: 'primary' }, { action_id: 'cancel' }],
    });
    // Header + 47 changes shown; 13 changes and the closing context left out.
    expect(blocks.at(-2)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '_…and 14 more lines not shown_' }],
    });
    expect(blocks.filter((b) => b.type === 'section')).toHaveLength(47);
  });

  it('leaves a message that fits alone, buttons or not', () => {
    const fits = renderSlack(longPreview(3), BUTTONS).blocks;
    expect(fits.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(renderSlack(longPreview(48)).blocks).toHaveLength(50);
    expect(renderSlack(longPreview(48)).blocks.at(-1)).toMatchObject({
      elements: [{ text: 'Confirm to apply this.' }],
    });
    expect(renderSlack(longPreview(49)).blocks).toHaveLength(50);
    expect(renderSlack(longPreview(49)).blocks.at(-1)).toMatchObject({
      elements: [{ text: '_…and 2 more lines not shown_' }],
    });
  });

  it('keeps the text of all blocks together under what chat.postMessage accepts', () => {
    const lines = Array.from({ length: 60 }, (_, i): Line => [`${i} `.padEnd(1600, 'x')]);
    const { blocks } = renderSlack({ blocks: [{ kind: 'section', lines }] }, BUTTONS);
    expect(totalText(blocks)).toBeLessThanOrEqual(10_000);
    // Six 1,600-character lines fit (one per block: two would pass 3,000); the other 54 are counted.
    expect(blocks.filter((b) => b.type === 'section')).toHaveLength(6);
    expect(blocks.at(-2)).toMatchObject({ elements: [{ text: '_…and 54 more lines not shown_' }] });
    expect(blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it('is one function for any blocks and any trailing blocks', () => {
    const divider: SlackBlock = { type: 'divider' };
    expect(fitBlocks(Array(50).fill(divider))).toHaveLength(50);
    const capped = fitBlocks(Array(60).fill(divider), [divider, divider, divider]);
    expect(capped).toHaveLength(50);
    expect(capped.at(-4)).toMatchObject({ type: 'context' });
  });

  it('gives the same blocks to a content rendered twice, and each call its own array', () => {
    const content = longPreview(60);
    const first = renderSlack(content, BUTTONS);
    const again = renderSlack(content);
    expect(again.blocks).toHaveLength(50);
    expect(again.blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(first.blocks).not.toBe(again.blocks);
  });
});

describe('cutting text at a limit', () => {
  it('never splits a link, mention, date token, entity, emoji code or surrogate pair', () => {
    const units = [
      '<https://example.com/a/very/long/path|the label>',
      '<@U0123ABC>',
      '<!date^1761883140^{date_long_pretty} at {time}|Thu Oct 30 at 11:59 PM>',
      '&amp;',
      '&#128512;',
      ':white_check_mark:',
      '😀',
    ];
    for (const unit of units) {
      for (let before = 0; before < 12; before++) {
        const text = `${'a'.repeat(before)}${unit}${'b'.repeat(20)}`;
        for (let limit = before + 1; limit <= before + unit.length + 1; limit++) {
          const cut = cutMrkdwn(text, limit);
          expect(cut.length).toBeLessThanOrEqual(limit);
          expect(cut.endsWith('…')).toBe(true);
          const kept = cut.slice(0, -1);
          // Either the whole unit or none of it.
          expect([`${'a'.repeat(before)}${unit}`, 'a'.repeat(before)]).toContain(
            kept.slice(0, before + unit.length),
          );
          expect(kept.length === before || kept.includes(unit)).toBe(true);
        }
      }
    }
  });

  it('leaves a text within the limit as it is', () => {
    expect(cutMrkdwn('short &amp; sweet', 17)).toBe('short &amp; sweet');
  });

  it('cuts a long line of a rendered section without breaking its markup', () => {
    const words: Line = [];
    for (let i = 0; i < 400; i++)
      words.push(link(`https://e.com/${i}`, `paper ${i}`), ' & ', mention('U0MS', 'MS'), ' ');
    const { blocks } = renderSlack({ blocks: [{ kind: 'section', lines: [words] }] });
    const text = (blocks[0] as { text: { text: string } }).text.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('…')).toBe(true);
    // Every "<" opens a token that is closed; every "&" starts a whole entity.
    expect(text.slice(0, -1)).toMatch(/^(?:[^<&]|<[^<>]*>|&amp;)*$/);
  });

  it('cuts a header with an emoji outside the BMP without leaving half of it', () => {
    const { blocks } = renderSlack({ blocks: [{ kind: 'header', text: `${'x'.repeat(148)}🎓 more` }] });
    const text = (blocks[0] as { text: { text: string } }).text.text;
    expect(text).toBe(`${'x'.repeat(148)}…`);
    expect(text.length).toBeLessThanOrEqual(150);
  });
});
