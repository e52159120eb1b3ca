// What users type after /schedule arrives entity-encoded and with <…> tokens; answers need the words back.
import { describe, expect, it } from 'vitest';
import { plainSlashText } from '../../src/slack/slash-text.ts';

describe('plainSlashText', () => {
  it('decodes the three entities Slack encodes', () => {
    expect(plainSlashText('search a &amp; b &lt;c&gt;')).toBe('search a & b <c>');
  });

  it('turns mention, channel and link tokens back into what was typed', () => {
    expect(plainSlashText('search <!channel> <!here> <@U123|ann> <#C1|cs599>')).toBe(
      'search @channel @here @ann #cs599',
    );
    expect(plainSlashText('search <https://x.test/a|the paper> <https://y.test>')).toBe(
      'search the paper https://y.test',
    );
  });

  it('collapses whitespace and trims', () => {
    expect(plainSlashText('  class   13 \n share ')).toBe('class 13 share');
    expect(plainSlashText('')).toBe('');
  });
});
