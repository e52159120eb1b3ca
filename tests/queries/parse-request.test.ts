// Request parsing: every query of the table, "share", the staff words left to the change commands, and
// unknown or malformed requests answered with a suggestion instead of a throw.
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/queries/parse-request.ts';
import { queryCommands, staffCommandWords } from '../../src/queries/query-table.ts';

describe('parseRequest', () => {
  it('reads every query of the table from its own example', () => {
    for (const command of queryCommands) {
      const parsed = parseRequest(command.example);
      expect(parsed.ok, command.example).toBe(true);
    }
  });

  it('answers an empty request with the next class', () => {
    expect(parseRequest('')).toEqual({ ok: true, request: { kind: 'next' }, share: false });
    expect(parseRequest('   ')).toEqual({ ok: true, request: { kind: 'next' }, share: false });
  });

  it('reads arguments and ignores case and extra spaces', () => {
    expect(parseRequest('  CLASS   13 ')).toEqual({
      ok: true,
      request: { kind: 'class', number: 13 },
      share: false,
    });
    expect(parseRequest('Presentations cg')).toEqual({
      ok: true,
      request: { kind: 'presentations', initials: 'cg' },
      share: false,
    });
    expect(parseRequest('search Nearest NEIGHBOR')).toEqual({
      ok: true,
      request: { kind: 'search', words: ['Nearest', 'NEIGHBOR'] },
      share: false,
    });
    expect(parseRequest('tomorrow')).toEqual({
      ok: true,
      request: { kind: 'day', which: 'tomorrow' },
      share: false,
    });
  });

  it('takes a last word "share" as a wish to show the answer to everyone', () => {
    expect(parseRequest('week share')).toEqual({ ok: true, request: { kind: 'week' }, share: true });
    expect(parseRequest('class 13 SHARE')).toEqual({
      ok: true,
      request: { kind: 'class', number: 13 },
      share: true,
    });
    expect(parseRequest('share')).toEqual({ ok: true, request: { kind: 'next' }, share: true });
  });

  it('leaves every staff word to the change commands, whatever follows', () => {
    for (const word of staffCommandWords) {
      const parsed = parseRequest(`${word.toUpperCase()} class 14`);
      expect(parsed).toMatchObject({ ok: false, problem: 'not-a-query' });
      expect(parsed.ok === false && parsed.suggestion).toBeFalsy();
    }
  });

  it.each([
    ['deadline', 'deadlines'],
    ['nxt', 'next'],
    ['tommorow', 'tomorrow'],
    ['presentation CG', 'presentations CG'],
    ['clas 13', 'class 13'],
    ['dead', 'deadlines'],
    ['13', 'class 13'],
  ])('suggests a close query for "%s"', (text, suggestion) => {
    const parsed = parseRequest(text);
    expect(parsed).toMatchObject({ ok: false, problem: 'unknown-query', suggestion });
    expect(parsed.ok === false && parsed.message).toContain(`did you mean \`${suggestion}\`?`);
  });

  it('never suggests a staff word, even for a near miss', () => {
    for (const text of ['cancl', 'mov', 'histroy', 'undoo', 'announc']) {
      const parsed = parseRequest(text);
      expect(parsed.ok).toBe(false);
      const suggestion = parsed.ok ? '' : (parsed.suggestion ?? '');
      expect(staffCommandWords).not.toContain(suggestion.split(' ')[0]);
    }
  });

  it('makes no suggestion when nothing is close', () => {
    const parsed = parseRequest('xylophone');
    expect(parsed).toMatchObject({ ok: false, problem: 'unknown-query' });
    expect(parsed.ok === false && parsed.suggestion).toBeUndefined();
  });

  it.each(['class x', 'class', 'class 13 14', 'search', 'week later', 'presentations a b'])(
    'reports malformed "%s" with an example of the right form',
    (text) => {
      const parsed = parseRequest(text);
      expect(parsed).toMatchObject({ ok: false, problem: 'bad-arguments' });
      expect(parsed.ok === false && parsed.message).toMatch(/`/);
    },
  );

  it.each([
    ['class 0', 0],
    ['class -1', -1],
    ['class 3.5', 3.5],
    ['class 99', 99],
  ])('reads "%s" as a class number, to be answered with the range', (text, number) => {
    expect(parseRequest(text)).toEqual({ ok: true, request: { kind: 'class', number }, share: false });
  });

  it('never throws on hostile or odd text', () => {
    for (const text of [
      '<!channel>',
      '&amp; <@U1>',
      '\u0000',
      '🙂',
      'x'.repeat(5000),
      'search <!channel> & <@U1>',
    ]) {
      expect(() => parseRequest(text)).not.toThrow();
    }
    expect(parseRequest('search <!channel> & <@U1>')).toEqual({
      ok: true,
      request: { kind: 'search', words: ['<!channel>', '&', '<@U1>'] },
      share: false,
    });
  });
});
