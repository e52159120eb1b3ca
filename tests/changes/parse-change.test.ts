// Every staff command read against the CS 599 plan on Monday Oct 20 2025: what it means, and each refusal.
import { describe, expect, it } from 'vitest';
import { parseChange } from '../../src/changes/parse-change.ts';
import { cs599, MONDAY } from './plan-fixture.ts';

const parse = (text: string) => parseChange(text, cs599(), MONDAY);
const refusal = (text: string) => {
  const result = parse(text);
  if (result.ok) throw new Error(`expected a refusal for "${text}"`);
  return result.message;
};

describe('parseChange: cancel', () => {
  it('cancels by class number, with a reason', () => {
    expect(parse('cancel 14 snow day')).toEqual({
      ok: true,
      change: { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: false },
    });
    expect(parse('cancel 14 snow day.')).toMatchObject({ ok: true, change: { reason: 'snow day' } });
    expect(parse('cancel class 14: snow day')).toMatchObject({
      ok: true,
      change: { number: 14, reason: 'snow day' },
    });
  });

  it('cancels by date, defaulting the reason', () => {
    expect(parse('cancel tomorrow')).toMatchObject({ ok: true, change: { number: 14, reason: 'cancelled' } });
    expect(parse('cancel Thu Oct 23 instructor ill')).toMatchObject({
      ok: true,
      change: { number: 15, date: '2025-10-23', reason: 'instructor ill' },
    });
  });

  it('reads a date as a date, never as a class number', () => {
    expect(parse('cancel 10/23')).toMatchObject({ ok: true, change: { number: 15, date: '2025-10-23' } });
    expect(parse('cancel 21 Oct snow day')).toMatchObject({
      ok: true,
      change: { number: 14, date: '2025-10-21', reason: 'snow day' },
    });
    expect(parse('move 15 10/24')).toMatchObject({
      ok: true,
      change: { kind: 'move', number: 15, from: '2025-10-23', to: '2025-10-24' },
    });
    // The hint names a day near the class, not always the same one.
    expect(refusal('move 20 soon')).toBe('Write the new day after the class: `move 20 Nov 12`.');
  });

  it('reads "shift"', () => {
    expect(parse('cancel 14 shift snow day')).toMatchObject({
      ok: true,
      change: { shift: true, reason: 'snow day' },
    });
  });

  it.each([
    ['cancel 99', 'There is no Class 99 in the plan.'],
    ['cancel 3', 'Class 3 (Intro to GPUs, flash attention) was on Tue Sep 9: it is past.'],
    ['cancel Oct 22', 'There is no class on Wed Oct 22.'],
    ['cancel Nov 27', 'There is no class on Thu Nov 27 (Thanksgiving).'],
    ['cancel Oct 9', 'Thu Oct 9, 2025 is in the past (today is Mon Oct 20).'],
    ['cancel Wed Oct 23', 'Oct 23, 2025 is a Thursday, not a Wednesday: check the date.'],
    ['cancel', 'Name the class to cancel: `cancel 14 snow day` or `cancel Oct 21 snow day`.'],
    [
      'cancel 14 11:00 snow day',
      'A class is cancelled for its whole meeting: leave the time "11:00" out, e.g. `cancel 14 snow day`.',
    ],
    [
      'cancel 14 at 5pm',
      'A class is cancelled for its whole meeting: leave the time "at 5pm" out, e.g. `cancel 14 snow day`.',
    ],
    [
      'cancel tomorrow 9am',
      'A class is cancelled for its whole meeting: leave the time out, e.g. `cancel Tue Oct 21`.',
    ],
  ])('refuses %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('moves a class to a make-up session at a time, as long as the course meeting', () => {
    expect(parse('move 14 Oct 22 9am')).toMatchObject({
      ok: true,
      change: { kind: 'move', to: '2025-10-22', meeting: { start: '09:00' } },
    });
    const plan = cs599();
    plan.course.meeting = { start: '14:00', end: '15:15' };
    expect(parseChange('move 14 Oct 24 16:00', plan, MONDAY)).toMatchObject({
      change: { meeting: { start: '16:00', end: '17:15' } },
    });
    // The course's own hours are the usual time, not a make-up session.
    expect(parseChange('move 14 Oct 24 2pm', plan, MONDAY)).toEqual({
      ok: true,
      change: { kind: 'move', number: 14, from: '2025-10-21', to: '2025-10-24' },
    });
  });

  it('refuses a class already cancelled', () => {
    const plan = cs599();
    plan.sessions.find((s) => s.number === 14)!.noClass = 'snow day';
    expect(parseChange('cancel 14', plan, MONDAY)).toEqual({
      ok: false,
      message: 'Class 14 (Sparse approximation of attention) on Tue Oct 21 is already cancelled (snow day).',
    });
    plan.sessions.find((s) => s.number === 14)!.noClass = 'cancelled';
    expect(parseChange('cancel 14', plan, MONDAY)).toEqual({
      ok: false,
      message: 'Class 14 (Sparse approximation of attention) on Tue Oct 21 is already cancelled.',
    });
  });
});

describe('parseChange: move', () => {
  it('moves a class to a free day', () => {
    expect(parse('move 14 Oct 22')).toEqual({
      ok: true,
      change: { kind: 'move', number: 14, from: '2025-10-21', to: '2025-10-22' },
    });
    expect(parse('move class 14 to wednesday')).toMatchObject({ ok: true, change: { to: '2025-10-22' } });
  });

  it.each([
    ['move 14 Oct 23', 'Class 15 (Mixture of experts) is already on Thu Oct 23: move or cancel it first.'],
    ['move 24 Nov 27', 'Thu Nov 27 is a day without class (Thanksgiving): pick another day.'],
    ['move 14 Oct 21', 'Class 14 (Sparse approximation of attention) is already on Tue Oct 21.'],
    ['move 14 Oct 10', 'Fri Oct 10, 2025 is in the past (today is Mon Oct 20).'],
    ['move 14 soon', 'Write the new day after the class: `move 14 Oct 22`.'],
    ['move 14 Oct 21', 'Class 14 (Sparse approximation of attention) is already on Tue Oct 21.'],
  ])('refuses %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });
});

describe('parseChange: extend', () => {
  it('finds a deadline by a word of its title', () => {
    expect(parse('extend proposal Nov 4')).toEqual({
      ok: true,
      change: { kind: 'extend', eventId: 'project-proposal-due', from: '2025-10-30', to: '2025-11-04' },
    });
  });

  it('finds it by id, several words, "to", and takes a time', () => {
    expect(parse('extend project-proposal-due Nov 4')).toMatchObject({
      ok: true,
      change: { to: '2025-11-04' },
    });
    expect(parse('extend progress report to Nov 20 17:00')).toMatchObject({
      ok: true,
      change: { eventId: 'project-progress-report-due', to: '2025-11-20', time: '17:00' },
    });
  });

  it('lists the candidates of an ambiguous word', () => {
    expect(refusal('extend project Nov 4')).toBe(
      '"project" matches 3 events: project-proposal-due (Project proposal due, Thu Oct 30); ' +
        'project-progress-report-due (Project progress report due, Thu Nov 13); ' +
        'project-final-report-due (Project final report due, Tue Dec 9). Name one by its id.',
    );
  });

  it('suggests the closest event for a typo', () => {
    expect(refusal('extend propsal Nov 4')).toBe(
      'No event matches "propsal". Did you mean project-proposal-due (Project proposal due)?',
    );
  });

  it('refuses a past date and a missing date', () => {
    expect(refusal('extend proposal Oct 1')).toBe('Wed Oct 1, 2025 is in the past (today is Mon Oct 20).');
    expect(refusal('extend proposal')).toBe(
      'Name the deadline and its new date: `extend proposal Nov 4` (or Nov 4 17:00).',
    );
    expect(refusal('extend proposal Oct 30')).toBe('Project proposal due is already on Thu Oct 30.');
  });
});

describe('parseChange: edit, add, announce', () => {
  it('edits a topic, readings and presenters', () => {
    expect(parse('edit 15 topic Mixture of experts (MoE)')).toEqual({
      ok: true,
      change: { kind: 'edit-topic', number: 15, topic: 'Mixture of experts (MoE)' },
    });
    expect(parse('edit 15 readings Switch Transformer, GShard <https://arxiv.org/abs/2006.16668>')).toEqual({
      ok: true,
      change: {
        kind: 'edit-readings',
        number: 15,
        readings: [
          { title: 'Switch Transformer' },
          { title: 'GShard', url: 'https://arxiv.org/abs/2006.16668' },
        ],
      },
    });
    expect(parse('edit 20 presenters CG, OO: DeepSeek-v3; YK: LLaMA')).toEqual({
      ok: true,
      change: {
        kind: 'edit-presenters',
        number: 20,
        presentations: [
          { presenters: ['CG', 'OO'], title: 'DeepSeek-v3' },
          { presenters: ['YK'], title: 'LLaMA' },
        ],
      },
    });
  });

  it('refuses an edit without a field, text or well-formed presenters', () => {
    expect(refusal('edit 15 Mixture')).toMatch(/^Write `edit <class N> topic\|readings\|presenters <text>`/);
    expect(refusal('edit 15 topic')).toBe('Write the new topic after the word "topic".');
    expect(refusal('edit 20 presenters DeepSeek-v3')).toMatch(/^"DeepSeek-v3" names no presenters/);
    expect(refusal('edit 99 topic X')).toBe('There is no Class 99 in the plan.');
  });

  it('adds a deadline, homework and an exam with unique ids', () => {
    expect(parse('add deadline Nov 11 23:59 Project draft due')).toEqual({
      ok: true,
      change: {
        kind: 'add',
        event: {
          id: 'project-draft-due',
          kind: 'deadline',
          date: '2025-11-11',
          time: '23:59',
          title: 'Project draft due',
        },
      },
    });
    expect(parse('add homework next thursday HW3 posted')).toMatchObject({
      ok: true,
      change: { event: { id: 'hw3-released', kind: 'homework-release', date: '2025-10-23' } },
    });
    expect(parse('add exam Dec 9 Project final report due')).toMatchObject({
      ok: true,
      change: { event: { id: 'project-final-report-due-2', kind: 'exam' } },
    });
  });

  it('refuses an add without a kind, date or title', () => {
    expect(refusal('add quiz Nov 4 Q1')).toMatch(/^Write `add deadline\|homework\|exam <date> <title>`/);
    expect(refusal('add deadline Project draft')).toBe(
      'Write the date after "deadline": `add deadline Nov 11 <title>`.',
    );
    expect(refusal('add deadline Nov 11')).toBe(
      'Write a title after the date: `add deadline Tue Nov 11 <title>`.',
    );
  });

  it('reads a homework note as the importer does: its release and its deadline', () => {
    expect(parse('add homework Oct 21 HW3 out, due Oct 28 11:59pm')).toEqual({
      ok: true,
      change: {
        kind: 'add',
        event: { id: 'hw3-released', kind: 'homework-release', date: '2025-10-21', title: 'HW3 released' },
        deadline: { id: 'hw3-due', kind: 'deadline', date: '2025-10-28', time: '23:59', title: 'HW3 due' },
      },
    });
    expect(parse('add homework Oct 21 HW5 (due Friday)')).toMatchObject({
      change: { deadline: { date: '2025-10-24', title: 'HW5 due' } },
    });
    expect(refusal('add homework Oct 21 HW6 out, due next week')).toBe(
      'Could not read "HW6 due next week": write `add homework Tue Oct 21 HW3 out, due Oct 28`.',
    );
  });

  it('refuses a day that does not exist, and a day outside the term naming the term', () => {
    expect(refusal('add deadline Feb 30 Project draft')).toBe('Feb 30 is not a date.');
    expect(refusal('extend proposal Nov 31')).toBe('Nov 31 is not a date.');
    expect(refusal('add deadline Jun 3 Project draft')).toBe(
      'Jun 3 is outside the term (Tue Sep 2 to Tue Dec 9, 2025): pick a day in it, e.g. Oct 20.',
    );
    expect(refusal('add deadline Jun 3 2026 Project draft')).toBe(
      'Wed Jun 3, 2026 is outside the term (Tue Sep 2 to Tue Dec 9, 2025) and its exam period: pick a day up to Sat Feb 7, 2026.',
    );
    expect(refusal('extend proposal 2026-11-04')).toMatch(/^Wed Nov 4, 2026 is outside the term/);
    expect(refusal('move 20 9999-12-31')).toMatch(/^Fri Dec 31, 9999 is outside the term/);
  });

  it('announces text as typed, and refuses unknown words', () => {
    expect(parse('announce Office hours move to room 204 this week')).toEqual({
      ok: true,
      change: { kind: 'announce', text: 'Office hours move to room 204 this week' },
    });
    expect(refusal('announce')).toBe('Write the text to announce: `announce <text>`.');
    expect(refusal('postpone 14')).toMatch(/^Unknown change "postpone"\. Staff commands: `cancel/);
  });
});
