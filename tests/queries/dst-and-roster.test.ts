// A course with a meeting time and timed deadlines across the end of daylight saving time (Nov 2 2025 in
// New York): local dates and wall times stay right on both sides; presenters in the roster are mentioned.
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/content/content.ts';
import { renderSlack } from '../../src/content/render-slack.ts';
import { ask } from '../../src/queries/ask.ts';
import { askText, at, fixturePlan } from './fixture-plans.ts';

const plan = fixturePlan('dst-week');

function inlines(text: string, now: string): Exclude<Inline, string>[] {
  return ask(plan, text, at(now)).content.blocks.flatMap((b) =>
    b.kind === 'section' || b.kind === 'context'
      ? b.lines.flat().filter((i): i is Exclude<Inline, string> => typeof i !== 'string')
      : [],
  );
}

const utc = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('across the DST change', () => {
  it('a class before the change starts at 9:00 EDT (13:00 UTC)', () => {
    const date = inlines('class 2', '2025-10-20T12:00-04:00').find((i) => i.kind === 'date');
    expect(date).toMatchObject({ kind: 'date', text: 'Thu Oct 30 at 9:00 AM' });
    expect(utc(date!.kind === 'date' ? date!.epochSeconds : 0)).toBe('2025-10-30T13:00:00.000Z');
  });

  it('a class after the change starts at 9:00 EST (14:00 UTC)', () => {
    const date = inlines('next', '2025-11-02T01:30-04:00').find((i) => i.kind === 'date');
    expect(date).toMatchObject({ kind: 'date', text: 'Tue Nov 4 at 9:00 AM' });
    expect(utc(date!.kind === 'date' ? date!.epochSeconds : 0)).toBe('2025-11-04T14:00:00.000Z');
  });

  it('late evening on either side is still the local day, in UTC or any offset', () => {
    // 03:30 UTC is 23:30 the evening before in New York, on both sides of the change.
    expect(askText(plan, 'today', '2025-10-31T03:30Z')).toContain('Class 2, Thu Oct 30 at 9:00 AM');
    expect(askText(plan, 'today', '2025-11-05T04:30Z')).toContain('Class 3, Tue Nov 4 at 9:00 AM');
    expect(askText(plan, 'tomorrow', '2025-11-03T04:30Z')).toContain(
      'HW1 — due Mon Nov 3 at 11:59 PM (tomorrow)',
    );
  });

  it('days left count calendar days across the change, not 24-hour steps', () => {
    const text = askText(plan, 'deadlines', '2025-11-01T23:00-04:00');
    expect(text).toContain('HW1 — due Mon Nov 3 at 11:59 PM (in 2 days)');
    expect(text).toContain('Midterm exam — Tue Nov 11 at 9:00 AM (in 10 days)');
  });

  it('a class in progress is next until it ends; after its end the next one is', () => {
    expect(askText(plan, 'next', '2025-11-04T10:14-05:00')).toContain('Class 3, Tue Nov 4 at 9:00 AM');
    const after = askText(plan, 'next', '2025-11-04T10:15-05:00');
    expect(after).toContain(
      'No class Thu Nov 6 (Class 4 cancelled: Instructor away). Next: Class 5, Tue Nov 11 at 9:00 AM',
    );
    expect(after).toContain('Midterm exam — Tue Nov 11 at 9:00 AM (in 7 days)');
  });

  it('a timed deadline is over at its minute', () => {
    expect(askText(plan, 'homework', '2025-11-03T23:58-05:00')).toMatch(/Coming up\n {2}HW1 — due/);
    expect(askText(plan, 'homework', '2025-11-03T23:59-05:00')).toMatch(/Last 14 days\n(.*\n)? {2}HW1 — due/);
  });
});

describe('presenters', () => {
  it('mentions presenters found in the roster (any case), others as written', () => {
    const found = inlines('class 2', '2025-10-20T12:00-04:00');
    expect(found).toContainEqual({ kind: 'mention', userId: 'U0AB00001', text: 'AB' });
    expect(found.some((i) => i.kind === 'mention' && i.text === 'CD')).toBe(false);
    const slack = renderSlack(ask(plan, 'class 2', at('2025-10-20T12:00-04:00')).content);
    expect(JSON.stringify(slack.blocks)).toContain('Presentation: <@U0AB00001>, CD');
  });

  it("one presenter's presentations include past ones, matched without case", () => {
    const text = askText(plan, 'presentations cd', '2025-11-20T09:00-05:00');
    expect(text).toContain('Presentations by CD');
    expect(text).toContain(
      'AB, CD — Falsehoods programmers believe about time (Class 2, Thu Oct 30 at 9:00 AM, presented)',
    );
  });

  it('upcoming presentations leave out past ones', () => {
    expect(askText(plan, 'presentations', '2025-10-29T09:00-04:00')).toContain('Falsehoods programmers');
    expect(askText(plan, 'presentations', '2025-10-31T09:00-04:00')).toContain('No upcoming presentations.');
  });

  it('unknown initials list who does present', () => {
    expect(askText(plan, 'presentations zz', '2025-10-29T09:00-04:00')).toContain(
      'No presentations by zz in the plan. Presenters: AB, CD.',
    );
  });
});

describe('links', () => {
  it('readings with a URL become links', () => {
    expect(inlines('readings', '2025-10-20T12:00-04:00')).toContainEqual({
      kind: 'link',
      url: 'https://example.edu/syllabus',
      text: 'Syllabus',
    });
  });
});
