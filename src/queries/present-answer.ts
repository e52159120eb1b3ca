import type { Content } from '../content/content.ts';
import type { Plan } from '../plan/schema.ts';
import type { Answer } from './answer.ts';
import { helpContent, type HelpOptions } from './help-content.ts';
import { queryCommands, type HelpEntry } from './query-table.ts';
import { presentDeadlines, presentHomework, presentPresentations, presentSearch } from './present-events.ts';
import { presentClass, presentDay, presentNext, presentReadings, presentWeek } from './present-schedule.ts';

export interface PresentOptions {
  prefix?: string;
  /** More help entries (e.g. the staff change commands) listed after the queries. */
  extraHelp?: readonly HelpEntry[];
  /** False where answers cannot be shown to others (a terminal): the help then does not offer `share`. */
  canShare?: boolean;
}

/** Turns an answer into content, built once for every renderer (terminal, Slack). */
export function presentAnswer(plan: Plan, answer: Answer, options: PresentOptions = {}): Content {
  switch (answer.kind) {
    case 'next':
      return presentNext(plan, answer);
    case 'day':
      return presentDay(plan, answer);
    case 'week':
      return presentWeek(plan, answer);
    case 'deadlines':
      return presentDeadlines(plan, answer);
    case 'homework':
      return presentHomework(plan, answer);
    case 'presentations':
      return presentPresentations(plan, answer);
    case 'readings':
      return presentReadings(plan, answer);
    case 'class':
      return presentClass(plan, answer);
    case 'class-missing': {
      const range = answer.range
        ? `: classes are numbered ${answer.range.first} to ${answer.range.last}`
        : '';
      return help(options, { hint: [[`There is no Class ${answer.number}${range}.`]] });
    }
    case 'search':
      return presentSearch(plan, answer);
    case 'help':
      return help(options);
  }
}

export function help(options: PresentOptions, extra: HelpOptions = {}): Content {
  return helpContent([...queryCommands, ...(options.extraHelp ?? [])], {
    ...(options.prefix ? { prefix: options.prefix } : {}),
    ...(options.canShare === false ? { canShare: false } : {}),
    ...extra,
  });
}
