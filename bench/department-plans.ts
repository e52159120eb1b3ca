/**
 * A synthetic department for the benchmark: N courses, each a plan file of 30 sessions and 6 events in its
 * own channel, with varied codes, terms, meeting days and times. Every course meets on the burst day, so
 * each has one class-day post due at 08:00 that morning (class-day posts go out at 08:00 by default, and
 * every class here starts later).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { PlanInput } from '../src/plan/schema.ts';

export const DEPARTMENT_ZONE = 'America/New_York';
/** Tuesday: every meeting pattern below includes it. */
export const BURST_DAY = '2025-10-21';

const PREFIXES = ['CS', 'MA', 'PHYS', 'ECON', 'BIO', 'CHEM', 'HIST', 'ENG', 'DS', 'EE'];
/** Weekdays (1 = Monday) a course meets on. */
const PATTERNS = [[2, 4], [1, 2, 4], [2, 5], [2, 3, 4, 5], [2], [1, 2, 3, 4, 5], [2, 4, 5]];
const TERMS = ['Fall 2025', 'Fall 2025 (first half)', 'Autumn Quarter 2025', 'Fall 2025 Evening'];
const STARTS = ['10:00', '11:30', '13:00', '14:30', '16:00', '18:00'];
const TOPICS = ['Foundations', 'Methods', 'Models', 'Systems', 'Theory', 'Practice', 'Review', 'Case study'];

export interface DepartmentCourse {
  /** Index, 0-based: names the file and the channel. */
  index: number;
  code: string;
  /** The course's home channel (an ID, as Slack gives it to slash commands). */
  channel: string;
  file: string;
}

/** The settings that make `coursebot start` serve the department in `coursesDir` instead of one plan. */
export const departmentEnv = (coursesDir: string): Record<string, string | undefined> => ({
  COURSEBOT_COURSES: coursesDir,
  COURSEBOT_SCHEDULE: undefined,
  COURSEBOT_CHANNEL: undefined,
});

export const channelOf = (index: number): string => `CDEPT${String(index).padStart(5, '0')}`;

/** Writes `count` plan files into `dir` (created); returns what the benchmark needs to know of each. */
export function writeDepartment(dir: string, count: number): DepartmentCourse[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, index) => {
    const plan = departmentPlan(index);
    const file = join(dir, `course-${String(index).padStart(5, '0')}.json`);
    writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
    return { index, code: plan.course.code, channel: channelOf(index), file };
  });
}

/** The index-th course: its burst-day class is session k (5…24), so terms start and end on varied days. */
export function departmentPlan(index: number): PlanInput {
  const pattern = PATTERNS[index % PATTERNS.length]!;
  const burstSession = 5 + (index % 20);
  const burstDay = DateTime.fromISO(BURST_DAY, { zone: DEPARTMENT_ZONE });
  const days = [
    ...meetingDays(burstDay, pattern, -1, burstSession - 1).reverse(),
    burstDay,
    ...meetingDays(burstDay, pattern, 1, 30 - burstSession),
  ];
  const start = STARTS[index % STARTS.length]!;
  const [hour, minute] = start.split(':').map(Number) as [number, number];
  const end = DateTime.fromObject({ hour, minute }).plus({ minutes: 75 }).toFormat('HH:mm');
  const prefix = PREFIXES[index % PREFIXES.length]!;
  const sessions = days.map((day, i) => ({
    date: day.toISODate()!,
    number: i + 1,
    topic: `${TOPICS[(index + i) % TOPICS.length]} ${i + 1}`,
    readings: i % 3 === 0 ? [{ title: `Chapter ${i + 1}` }] : [],
  }));
  const on = (session: number) => days[Math.min(days.length - 1, session - 1)]!.toISODate()!;
  return {
    course: {
      code: `${prefix} ${100 + index} ${String.fromCharCode(65 + (index % 3))}1`,
      title: `${prefix} course ${index}`,
      timezone: DEPARTMENT_ZONE,
      term: TERMS[index % TERMS.length]!,
      meeting: { start, end },
      staff: [`U0STAFF${String(index).padStart(5, '0')}`],
    },
    sessions,
    events: [
      { id: 'hw1-release', kind: 'homework-release', date: on(3), title: 'HW1 posted', session: 3 },
      { id: 'hw1-due', kind: 'deadline', date: on(7), time: '23:59', title: 'HW1 due' },
      { id: 'hw2-release', kind: 'homework-release', date: on(12), title: 'HW2 posted', session: 12 },
      { id: 'hw2-due', kind: 'deadline', date: on(16), time: '23:59', title: 'HW2 due' },
      { id: 'midterm', kind: 'exam', date: on(18), time: start, title: 'Midterm exam' },
      { id: 'project-due', kind: 'deadline', date: on(29), time: '17:00', title: 'Project due' },
    ],
    reminders: { channels: { default: channelOf(index) } },
  };
}

/** `count` meeting days after (step 1) or before (step -1) `from`, not counting it. */
function meetingDays(from: DateTime, pattern: number[], step: 1 | -1, count: number): DateTime[] {
  const found: DateTime[] = [];
  for (let day = from.plus({ days: step }); found.length < count; day = day.plus({ days: step })) {
    if (pattern.includes(day.weekday)) found.push(day);
  }
  return found;
}
