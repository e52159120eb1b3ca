import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { UserError } from '../../src/util/user-error.ts';

const attempt = (text: string, options: Partial<Parameters<typeof importSchedule>[1]> = {}) => {
  try {
    importSchedule(text, { referenceYear: 2025, timezone: 'UTC', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected the import to fail');
};

describe('input that cannot be imported says what is wrong and how to fix it', () => {
  it('empty file', () => {
    expect(attempt('  \n\n')).toBe('cannot import: the file is empty; pass the saved schedule page');
  });
  it('not a text file', () => {
    expect(attempt('PK\u0003\u0004\u0000\u0000binary')).toBe(
      'cannot import: unknown format, this is not a text file; pass the page as HTML or text',
    );
  });
  it('HTML without a table', () => {
    expect(attempt('<html><body><p>Schedule coming soon</p></body></html>')).toBe(
      'cannot import this HTML page: it has no <table>; save the page that shows the schedule',
    );
  });
  it('Markdown read as Markdown but with no table', () => {
    expect(attempt('# Schedule\n\nComing soon.', { format: 'markdown' })).toBe(
      'cannot import this Markdown: it has no table (a header row, then |---|---|)',
    );
  });
  it('a table without a date column', () => {
    expect(attempt('Topic,Reading\nIntro,ch1\n', { format: 'csv' })).toBe(
      'cannot import this CSV: no date column among its headers ("Topic", "Reading"); name the column of dates "Date"',
    );
  });
  it('text with no dated row', () => {
    expect(attempt('Welcome to the course!\nThe schedule will be posted soon.')).toBe(
      'cannot import: no schedule rows found in this text (no row starts with a date such as "Sep 2", "Class 1 (Sep 2)", "Tu Jan 25" or "9/2")\n' +
        '(lines tried first: 1 "Welcome to the course!", 2 "The schedule will be posted soon.")',
    );
  });
  it('a table whose date cells hold no date', () => {
    expect(attempt('Date,Topic\nTBA,Intro\nsoon,Sorting\n', { format: 'csv' })).toMatch(
      /no schedule rows found in this CSV .*\n\(lines tried first: 2 "TBA", 3 "soon"\)$/,
    );
  });
  it('a page whose year nothing decides', () => {
    expect(
      attempt('Date Topic Reading\nClass 1 (Sep 2) Intro Notes ch1\nClass 2 (Sep 4) Sorting Notes ch2\n'),
    ).toBe(
      'cannot tell the year of this page: no named holiday or weekday pattern decides it; pass --year 2025\n' +
        '(its dates fit 2024, 2025, 2026 equally well)',
    );
  });
  it('an unknown timezone', () => {
    expect(attempt('Sep 2 Intro', { year: 2025, timezone: 'Boston' })).toBe(
      'unknown timezone "Boston": pass an IANA name such as America/New_York',
    );
  });
});

describe('rows that cannot be placed are reported, never dropped silently', () => {
  it('reports a table row whose date cannot be read', () => {
    const csv = 'Date,Topic\nSep 2,Intro\nsometime,Mystery topic\nSep 4,Sorting\n';
    const result = importSchedule(csv, {
      referenceYear: 2025,
      year: 2025,
      timezone: 'UTC',
      code: 'X 1',
      title: 'X',
    });
    expect(result.plan.sessions).toHaveLength(2);
    expect(result.review).toEqual([
      { line: 3, message: 'cannot read a date in "sometime": row not imported: "sometime | Mystery topic"' },
    ]);
  });
});
