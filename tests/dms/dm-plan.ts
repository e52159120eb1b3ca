// A small course for the personal-reminder tests: classes Tue/Thu 15:30 in New York across the DST change
// (Nov 2 2025), two timed deadlines due on the same evening, and a presenter in the roster.
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

export const ZONE = 'America/New_York';

/** The plan as schedule.json holds it. */
export const DM_PLAN_INPUT = {
  course: {
    code: 'CS 599 E1',
    title: 'Algorithms for Machine Learning',
    timezone: ZONE,
    term: 'Fall 2025',
    meeting: { start: '15:30', end: '16:45' },
    roster: { MS: 'U0MS00003' },
  },
  sessions: [
    { date: '2025-10-28', number: 16, topic: 'Transformers' },
    { date: '2025-10-30', number: 17, topic: 'Scaling laws' },
    { date: '2025-11-04', number: 18, topic: 'Mixture of experts' },
    {
      date: '2025-11-06',
      number: 19,
      topic: 'Papers',
      presentations: [{ presenters: ['MS'], title: 'DeepSeek-v3' }],
    },
  ],
  events: [
    { id: 'hw3-due', kind: 'deadline', date: '2025-10-30', time: '23:59', title: 'Homework 3 due' },
    { id: 'quiz-2', kind: 'exam', date: '2025-10-30', time: '23:59', title: 'Quiz 2 closes' },
    { id: 'hw4-due', kind: 'deadline', date: '2025-11-04', time: '12:00', title: 'Homework 4 due' },
  ],
};

export function dmPlan(): Plan {
  const parsed = parsePlanText(JSON.stringify(DM_PLAN_INPUT));
  if (!parsed.ok) throw new Error(`test plan is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.plan;
}
