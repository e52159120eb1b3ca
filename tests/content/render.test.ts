// One structured content, two renderings: Block Kit (escaped mrkdwn, date tokens, limits) and terminal text.
import { describe, expect, it } from 'vitest';
import { link, mention, strong, type Content } from '../../src/content/content.ts';
import { renderSlack } from '../../src/content/render-slack.ts';
import { renderText } from '../../src/content/render-text.ts';

const content: Content = {
  blocks: [
    { kind: 'header', text: 'Class 25 · Paper presentations' },
    {
      kind: 'section',
      heading: 'Presentations',
      lines: [
        [strong('MS'), ': Gluon: Making Muon & Scion Great Again!'],
        [
          mention('U0MS', 'MS'),
          ' presents on ',
          { kind: 'day', date: '2025-12-02', text: 'Tue Dec 2' },
          ', due ',
          { kind: 'date', epochSeconds: 1764737940, text: 'Tue Dec 2 at 11:59 PM' },
        ],
        [link('https://arxiv.org/abs/1711.05101', 'Decoupled Weight Decay <Regularization>')],
      ],
    },
    { kind: 'context', lines: [['typed: <!channel> <@U123> a & b']] },
  ],
};

describe('renderSlack', () => {
  const message = renderSlack(content);

  it('escapes &, < and > so titles come out intact and typed text cannot ping', () => {
    const section = message.blocks[1] as { text: { text: string } };
    expect(section.text.text).toContain('*MS*: Gluon: Making Muon &amp; Scion Great Again!');
    const context = message.blocks[2] as { elements: { text: string }[] };
    expect(context.elements[0]!.text).toBe('typed: &lt;!channel&gt; &lt;@U123&gt; a &amp; b');
  });

  it("shows a calendar day as text, a moment in the reader's timezone with its weekday, and mentions users", () => {
    const section = message.blocks[1] as { text: { text: string } };
    expect(section.text.text).toContain(
      '<@U0MS> presents on Tue Dec 2, due <!date^1764737940^{date_long_pretty} at {time}|Tue Dec 2 at 11:59 PM>',
    );
    expect(section.text.text).toContain(
      '<https://arxiv.org/abs/1711.05101|Decoupled Weight Decay &lt;Regularization&gt;>',
    );
  });

  it('gives a fallback text without markup', () => {
    expect(message.text).toBe(
      [
        'Class 25 · Paper presentations',
        'Presentations',
        'MS: Gluon: Making Muon &amp; Scion Great Again!',
        'MS presents on Tue Dec 2, due Tue Dec 2 at 11:59 PM',
        'Decoupled Weight Decay &lt;Regularization&gt;',
        'typed: &lt;!channel&gt; &lt;@U123&gt; a &amp; b',
      ].join('\n'),
    );
  });

  it("stays within Slack's limits", () => {
    const long: Content = {
      blocks: [
        { kind: 'header', text: 'x'.repeat(400) },
        { kind: 'section', lines: Array.from({ length: 200 }, (_, i) => [`line ${i} `.repeat(10)]) },
      ],
    };
    const rendered = renderSlack(long);
    const header = rendered.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    for (const block of rendered.blocks.slice(1)) {
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    expect(rendered.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('renderText', () => {
  it('prints the same content as plain terminal text', () => {
    expect(renderText(content)).toBe(
      [
        'Class 25 · Paper presentations',
        'Presentations',
        '  MS: Gluon: Making Muon & Scion Great Again!',
        '  MS presents on Tue Dec 2, due Tue Dec 2 at 11:59 PM',
        '  Decoupled Weight Decay <Regularization> <https://arxiv.org/abs/1711.05101>',
        '  typed: <!channel> <@U123> a & b',
      ].join('\n'),
    );
  });
});
