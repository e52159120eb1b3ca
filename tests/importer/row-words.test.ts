import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { tokens, unplacedWords } from './row-words.ts';

const dir = new URL('../fixtures/importer/', import.meta.url);
const pages = readdirSync(dir).filter((name) => name !== 'undecidable.txt');

describe('every word of every dated row reaches the plan or the review', () => {
  it.each(pages)('%s', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const result = importSchedule(text, { referenceYear: 2025, timezone: 'America/New_York' });
    expect(unplacedWords(text, result)).toEqual([]);
  });
});

describe('the word check', () => {
  it('normalises times, dates and release words', () => {
    expect(tokens('HW1 posted (due Sept. 3rd, 11:59pm)')).toEqual([
      'hw1',
      'released',
      'due',
      'sep',
      '3',
      '23:59',
    ]);
  });
  it('finds a word the import lost', () => {
    const text = 'Date,Topic,Readings\n2025-09-02,Intro,Paper A\n';
    const result = importSchedule(text, { referenceYear: 2025, timezone: 'UTC', code: 'X 1', title: 'X' });
    expect(unplacedWords(text, result)).toEqual([]);
    const lost = structuredClone(result);
    lost.plan.sessions[0]!.topic = 'Something else';
    expect(unplacedWords(text, lost)).toEqual([{ line: 2, words: ['intro'] }]);
  });
});
