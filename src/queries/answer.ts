import type { DateTime } from 'luxon';
import type { Plan } from '../plan/schema.ts';
import {
  classByNumber,
  readingsForNextClass,
  type ClassAnswer,
  type ClassMissingAnswer,
  type ReadingsAnswer,
} from './class-lookup.ts';
import { dayAgenda, weekAgenda, type DayAnswer, type WeekAnswer } from './day-agenda.ts';
import { deadlines, homework, type DeadlinesAnswer, type HomeworkAnswer } from './due-events.ts';
import { nextClass, type NextClassAnswer } from './next-class.ts';
import { presentations, type PresentationsAnswer } from './presentations.ts';
import type { Request } from './request.ts';
import { searchPlan, type SearchAnswer } from './search-plan.ts';

export interface HelpAnswer {
  kind: 'help';
}

/** The data behind every answer: presenters turn it into content; other front ends may use it as is. */
export type Answer =
  | NextClassAnswer
  | DayAnswer
  | WeekAnswer
  | DeadlinesAnswer
  | HomeworkAnswer
  | PresentationsAnswer
  | ReadingsAnswer
  | ClassAnswer
  | ClassMissingAnswer
  | SearchAnswer
  | HelpAnswer;

/** Answers a request about the plan as of `now`, in the course's timezone. */
export function answerRequest(plan: Plan, request: Request, now: DateTime): Answer {
  switch (request.kind) {
    case 'next':
      return nextClass(plan, now);
    case 'day':
      return dayAgenda(plan, now, request.which);
    case 'week':
      return weekAgenda(plan, now);
    case 'deadlines':
      return deadlines(plan, now);
    case 'homework':
      return homework(plan, now);
    case 'presentations':
      return presentations(plan, now, request.initials);
    case 'readings':
      return readingsForNextClass(plan, now);
    case 'class':
      return classByNumber(plan, now, request.number);
    case 'search':
      return searchPlan(plan, request.words);
    case 'help':
      return { kind: 'help' };
  }
}
