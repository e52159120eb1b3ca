import { describe, expect, it } from 'vitest';
import { eventDate } from '../../src/importer/event-date.ts';
import { findNotes, type EventDraft } from '../../src/importer/find-notes.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { readWhen } from '../../src/importer/note-when.ts';
import { parseLead, isWeekHeading } from '../../src/importer/parse-lead.ts';
import { parseTimeAt } from '../../src/importer/parse-time.ts';

const notes = (text: string) =>
  findNotes(text).map((n) => ({
    text: n.text,
    title: n.event.title,
    ...(n.event.date ? { date: n.event.date } : {}),
    ...(n.event.time ? { time: n.event.time } : {}),
    ...(n.unreadableDate ? { unreadable: n.unreadableDate } : {}),
  }));

describe('a note that carries its own date', () => {
  it('"HW3 out, due Oct 3": a release, and a deadline named after the released work', () => {
    expect(notes('HW3 out, due Oct 3')).toEqual([
      { text: 'HW3 out', title: 'HW3 released' },
      { text: ', due Oct 3', title: 'HW3 due', date: { month: 10, day: 3 } },
    ]);
  });
  it('"HW2 released (due 10/14 11:59pm)": the date, the time and the closing parenthesis', () => {
    expect(notes('HW2 released (due 10/14 11:59pm) Notes ch2')).toEqual([
      { text: 'HW2 released', title: 'HW2 released' },
      { text: ' (due 10/14 11:59pm)', title: 'HW2 due', date: { month: 10, day: 14 }, time: '23:59' },
    ]);
  });
  it.each([
    ['HW3 (due Oct 3)', { month: 10, day: 3 }, undefined],
    ['Project proposal due on Friday, Oct 3rd at 5pm', { month: 10, day: 3, weekday: 5 }, '17:00'],
    ['HW1 due 11:59pm Oct 3', { month: 10, day: 3 }, '23:59'],
    ['Submit HW1 by Oct 3 5pm', { month: 10, day: 3 }, '17:00'],
    ['HW 2 due date: 2025-10-14', { month: 10, day: 14, year: 2025 }, undefined],
  ])('%s', (text, date, time) => {
    expect(findNotes(text).at(-1)!.event).toMatchObject({
      kind: 'deadline',
      date,
      ...(time ? { time } : {}),
    });
  });
  it('an exam on another day: "Final exam Dec 16 9am"', () => {
    expect(notes('Final exam Dec 16 9am')).toEqual([
      { text: 'Final exam Dec 16 9am', title: 'Final exam', date: { month: 12, day: 16 }, time: '09:00' },
    ]);
  });
  it('a weekday alone, but not a reading that starts like one', () => {
    expect(findNotes('HW1 due Friday')[0]!.event.weekday).toBe(5);
    expect(findNotes('HW1 due Fri Dragon ch6')[0]!.event.weekday).toBe(5);
    expect(findNotes('HW1 due Sun et al. 2020')[0]!.event.weekday).toBeUndefined();
  });
  it.each([
    ['HW1 due next week', 'next week'],
    ['HW1 out, due Oct 32', 'Oct 32'],
    ['HW4 (due date TBD)', 'TBD'],
    ['Report due in two weeks', 'in two weeks'],
    ['HW1 due 14.10.', '14.10'],
  ])('marks a date it cannot read: %s', (text, unreadable) => {
    expect(findNotes(text).at(-1)).toMatchObject({ unreadableDate: unreadable });
  });
  it('leaves words alone when nothing about when follows', () => {
    expect(readWhen('Project proposal due Mamba, Mamba2', 20)).toEqual({ end: 20 });
    expect(readWhen('HW2 posted (Narayanan+ 2021)', 10)).toEqual({ end: 10 });
  });
});

describe('work described in parentheses before "due"', () => {
  it('"WS9 (Ch 8, lectures 19-22) (due 5:15pm Wednesday, 24 Nov)": a long remark, then the note in parentheses', () => {
    expect(notes('WS9 (Ch 8, lectures 19-22) (due 5:15pm Wednesday, 24 Nov)')).toEqual([
      {
        text: 'WS9 (Ch 8, lectures 19-22) (due 5:15pm Wednesday, 24 Nov)',
        title: 'WS9 due',
        date: { month: 11, day: 24, weekday: 3 },
        time: '17:15',
      },
    ]);
  });
  it('"Mini HW1 (PDF, sql) due 5/12 @ 9pm": the work and the word naming which, and a time after "@"', () => {
    expect(notes('Mini HW1 (PDF, sql) due 5/12 @ 9pm')).toEqual([
      {
        text: 'Mini HW1 (PDF, sql) due 5/12 @ 9pm',
        title: 'Mini HW1 due',
        date: { month: 5, day: 12 },
        time: '21:00',
      },
    ]);
  });
});

describe('a label before bulleted work', () => {
  it('"Assignments Released: • Project 3 (Due Tuesday, Oct. 29 by 11:59pm)": a release and its deadline', () => {
    expect(notes('Assignments Released: • Project 3 (Due Tuesday, Oct. 29 by 11:59pm)')).toMatchObject([
      { title: 'Project 3 released' },
      { title: 'Project 3 due', date: { month: 10, day: 29 }, time: '23:59' },
    ]);
  });
  it('"Released: • Lab 2 • Worksheet 4": one release per bullet; "Due: Sept 1 (noon)" names no work', () => {
    expect(notes('Released: • Lab 2 • Worksheet 4').map((n) => n.title)).toEqual([
      'Lab 2 released',
      'Worksheet 4 released',
    ]);
    expect(notes('Due: Sept 1 (noon)')).toEqual([]);
  });
});

describe('an announced assignment', () => {
  it('"Assignment 1 announced" is a release', () => {
    expect(notes('Assignment 1 announced').map((n) => n.title)).toEqual(['Assignment 1 released']);
  });
});

describe('a deadline dated from its row', () => {
  it('"A3 due 5pm tomorrow" is due the day after the row, "due midnight yesterday" the day before', () => {
    const [tomorrow] = findNotes('A3 due 5pm tomorrow');
    const [yesterday] = findNotes('A5 due midnight yesterday');
    expect([tomorrow!.event.offset, tomorrow!.event.time]).toEqual([1, '17:00']);
    expect(eventDate('2019-10-17', tomorrow!.event)).toEqual({
      ok: true,
      date: '2019-10-18',
      stated: true,
      doubt: '"A3 due" tomorrow was placed on the day after the class: 2019-10-18',
    });
    expect(eventDate('2019-12-05', yesterday!.event)).toMatchObject({ date: '2019-12-04' });
  });
});

describe('eventDate', () => {
  const draft = (more: Partial<EventDraft>): EventDraft => ({
    kind: 'deadline',
    title: 'HW1 due',
    idBase: 'hw1-due',
    ...more,
  });
  it('keeps an event without a date of its own on its row', () => {
    expect(eventDate('2025-09-16', draft({}))).toEqual({ ok: true, date: '2025-09-16', stated: false });
  });
  it('gives a stated date the row’s year, the next one across New Year', () => {
    expect(eventDate('2025-09-16', draft({ date: { month: 10, day: 3 } }))).toEqual({
      ok: true,
      date: '2025-10-03',
      stated: true,
    });
    expect(eventDate('2025-12-18', draft({ date: { month: 1, day: 8 } }))).toMatchObject({
      date: '2026-01-08',
    });
    expect(eventDate('2026-01-08', draft({ date: { month: 12, day: 20 } }))).toMatchObject({
      date: '2025-12-20',
      doubt: '"HW1 due" on 2025-12-20 comes before its row\'s own date: check it',
    });
    expect(eventDate('2025-12-18', draft({ date: { month: 1, day: 8, year: 2027 } }))).toMatchObject({
      date: '2027-01-08',
    });
  });
  it('says when a stated weekday does not match, or the day does not exist', () => {
    expect(eventDate('2025-09-16', draft({ date: { month: 10, day: 4, weekday: 5 } }))).toMatchObject({
      date: '2025-10-04',
      doubt: '"HW1 due" is dated Friday Oct 4, but 2025-10-04 is a Saturday: kept 2025-10-04',
    });
    expect(eventDate('2025-02-10', draft({ date: { month: 2, day: 29 } }))).toEqual({
      ok: false,
      problem: '"HW1 due" on Feb 29: there is no such day in 2025; no event imported, add it by hand',
    });
  });
  it('places a bare weekday on the first such day after the row, and says so', () => {
    expect(eventDate('2025-09-19', draft({ weekday: 5 }))).toMatchObject({
      date: '2025-09-26',
      doubt: '"HW1 due" on Friday was placed on the first one after the class: 2025-09-26',
    });
  });
});

describe('times, ranges and week headings', () => {
  it.each([
    ['6–8pm', '18:00', 5],
    ['6pm–8pm', '18:00', 7],
    ['10:00–11:15', '10:00', 11],
    ['11–1pm', '11:00', 6],
    ['9-11am', '09:00', 6],
  ])('a time range %s starts at %s', (text, time, length) => {
    expect(parseTimeAt(text)).toEqual({ time, length, range: true });
  });
  it('reads date ranges', () => {
    expect(parseLead('Mar 9–13 Spring break')).toMatchObject({
      date: { month: 3, day: 9 },
      until: { month: 3, day: 13 },
      rest: 'Spring break',
    });
    expect(parseLead('Dec 22 - Jan 2 No classes')).toMatchObject({ until: { month: 1, day: 2 } });
    expect(parseLead('3/9-3/13 Break')).toMatchObject({ until: { month: 3, day: 13 } });
    expect(parseLead('Sep 2 - 10 tips for proofs')).toMatchObject({ rest: '10 tips for proofs' });
    expect(parseLead('Sep 2 - 10 tips for proofs')!.until).toBeUndefined();
  });
  it.each([
    ['Week 3', true],
    ['Week 2 (Sep 8–12)', true],
    ['Week of Sep 8', true],
    ['Week 3 Tu Jan 25 - Graphs', false],
    ['Weekly review', false],
  ])('%s is a week heading: %s', (text, heading) => {
    expect(isWeekHeading(text)).toBe(heading);
  });
});

describe('the importer keeps both events of a dated note, and reports what it cannot read', () => {
  const page = [
    'Date Topic Notes Reading',
    'Tue Sep 30 Sorting HW3 out, due Oct 9 11:59pm CLRS ch2',
    'Thu Oct 2 Hashing HW4 released (due 10/14 5pm) CLRS ch11',
    'Tue Oct 7 Trees HW5 out, due sometime next week CLRS ch12',
    'Thu Oct 9 Graphs CLRS ch22',
    'Tue Oct 14 Shortest paths CLRS ch24',
  ].join('\n');
  const result = importSchedule(page, {
    referenceYear: 2025,
    timezone: 'UTC',
    code: 'CS 1',
    title: 'Algorithms',
  });

  it('puts each deadline on its stated day, tied to the class held then', () => {
    expect(result.plan.events!.map((e) => [e.id, e.date, e.time ?? null, e.session ?? null])).toEqual([
      ['hw3-released', '2025-09-30', null, 1],
      ['hw3-due', '2025-10-09', '23:59', 4],
      ['hw4-released', '2025-10-02', null, 2],
      ['hw4-due', '2025-10-14', '17:00', 5],
      ['hw5-released', '2025-10-07', null, 3],
    ]);
    expect(result.plan.sessions.map((s) => s.readings?.map((r) => r.title))).toEqual([
      ['CLRS ch2'],
      ['CLRS ch11'],
      ['CLRS ch12'],
      ['CLRS ch22'],
      ['CLRS ch24'],
    ]);
  });

  it('never puts a deadline it cannot date on the day its work comes out', () => {
    expect(result.plan.sessions[2]!.notes).toBe('HW5 due sometime next week');
    expect(result.review).toEqual([
      {
        line: 4,
        date: '2025-10-07',
        message:
          'Class 3 (Oct 7): cannot read the date "sometime next week" in "HW5 due sometime next week": ' +
          'no deadline imported; the note is kept in the class notes, add the event by hand',
      },
    ]);
    const undated = importSchedule('Date Topic Reading\nSep 2 Intro HW1 out, due Notes ch1', {
      referenceYear: 2025,
      year: 2025,
      timezone: 'UTC',
      code: 'X 1',
      title: 'X',
    });
    expect(undated.plan.events!.map((e) => e.id)).toEqual(['hw1-released']);
    expect(undated.review.map((r) => r.message)).toEqual([
      'Class 1 (Sep 2): no date given in "HW1 due": no deadline imported; the note is kept in the class notes, ' +
        'add the event by hand',
    ]);
  });
});
