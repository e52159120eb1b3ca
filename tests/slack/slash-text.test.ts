// What users type after /schedule arrives entity-encoded and with <…> tokens; answers need the words back.
import { describe, expect, it } from 'vitest';
import { mentionedUsers, plainSlashText } from '../../src/slack/slash-text.ts';

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

  it('gives plain words back as they are, and anything else the full treatment', () => {
    expect(plainSlashText('class 13 share')).toBe('class 13 share');
    expect(plainSlashText('next')).toBe('next');
    expect(plainSlashText(' next')).toBe('next');
    expect(plainSlashText('next ')).toBe('next');
    expect(plainSlashText('week  2')).toBe('week 2');
    expect(plainSlashText('week\t2')).toBe('week 2');
    expect(plainSlashText('week\u00a02')).toBe('week 2');
    expect(plainSlashText('search a>b')).toBe('search a>b');
  });
});

describe('mentionedUsers', () => {
  it('reads the user IDs of mentions as Slack sends them, and IDs typed as is, once each', () => {
    expect(mentionedUsers('staff add <@U0TA|ta> and <@W0ABC> <@U0TA>')).toEqual(['U0TA', 'W0ABC']);
    expect(mentionedUsers('staff add U012ABCDEF')).toEqual(['U012ABCDEF']);
  });

  it('reads no user from plain words, channels or special mentions', () => {
    expect(mentionedUsers('staff add @alex <#C0CLASS|cs599> <!here> USERS')).toEqual([]);
    expect(mentionedUsers('next')).toEqual([]);
    expect(mentionedUsers('staff add u012abcdef')).toEqual([]);
  });
});
