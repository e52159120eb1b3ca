import { isHeldClass } from '../plan/calendar.ts';
import type { Plan } from '../plan/schema.ts';

export interface PlanCounts {
  classes: number;
  daysOff: number;
  homework: number;
  deadlines: number;
  exams: number;
  presentations: number;
}

/** What a plan holds, counted as the setup preview and the import report name it. */
export function planCounts(plan: Plan): PlanCounts {
  const classes = plan.sessions.filter(isHeldClass).length;
  const events = (kind: string) => plan.events.filter((e) => e.kind === kind).length;
  return {
    classes,
    daysOff: plan.sessions.length - classes,
    homework: events('homework-release'),
    deadlines: events('deadline'),
    exams: events('exam'),
    presentations: plan.sessions.reduce((n, s) => n + s.presentations.length, 0),
  };
}

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "28 classes, 2 days off, 5 homework, 3 deadlines, 2 exams, 12 presentations". */
export function countsLine(counts: PlanCounts): string {
  return [
    counted(counts.classes, 'class', 'classes'),
    counted(counts.daysOff, 'day off', 'days off'),
    `${counts.homework} homework`,
    counted(counts.deadlines, 'deadline'),
    counted(counts.exams, 'exam'),
    counted(counts.presentations, 'presentation'),
  ].join(', ');
}
