import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { meetingTime } from '../../src/importer/meeting-time.ts';

const page = readFileSync(new URL('../fixtures/importer/meeting-time.txt', import.meta.url), 'utf8');

describe('the class meeting time stated before the schedule', () => {
  it('becomes course.meeting, with a review line; office hours are passed over', () => {
    const result = importSchedule(page, { referenceYear: 2025, timezone: 'America/New_York' });
    expect(result.plan.course.meeting).toEqual({ start: '14:00', end: '15:15' });
    expect(result.review).toContainEqual({
      line: 3,
      message: 'class meeting time 14:00–15:15 read from "Lectures: Mon/Wed 2:00–3:15pm": check it',
    });
  });

  it.each([
    ['Lectures: TTh 11:00-12:15', '11:00', '12:15'],
    ['Tuesdays and Thursdays, 9:30 to 10:45am', '09:30', '10:45'],
    ['MWF 1-1:50pm', '13:00', '13:50'],
  ])('"%s"', (text, start, end) => {
    expect(meetingTime(text)).toMatchObject({ start, end });
  });

  it('needs weekdays before the time: "Exam review 3-5pm" is no meeting', () => {
    expect(meetingTime('Exam review 3-5pm')).toBeUndefined();
  });
});
