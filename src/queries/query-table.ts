import { staffCommands } from '../courses/staff-command-table.ts';
import type { Request } from './request.ts';

/** One line of the help: what to type, what it does, and an example. */
export interface HelpEntry {
  name: string;
  /** Argument pattern shown after the name, e.g. "N" or "[INITIALS]"; "" when there is none. */
  args: string;
  description: string;
  /** What to type after the command, e.g. "class 13". */
  example: string;
}

/** Why the words after a query name do not fit it: shown to the user as is. */
export interface ArgumentProblem {
  problem: string;
}

export interface QueryCommand extends HelpEntry {
  parse(args: string[]): Request | ArgumentProblem;
}

const noArgs =
  (name: string, request: Request) =>
  (args: string[]): Request | ArgumentProblem =>
    args.length === 0 ? request : { problem: `\`${name}\` takes no words after it.` };

/**
 * The queries anyone can ask, in the order the help lists them. The parser, the help and the "did you
 * mean" suggestions all read this one table, so a query added here is parsed, documented and suggested.
 */
export const queryCommands: readonly QueryCommand[] = [
  {
    name: 'next',
    args: '',
    description: 'the next class: date, topic, readings, presenters (also what you get with no words)',
    example: 'next',
    parse: noArgs('next', { kind: 'next' }),
  },
  {
    name: 'today',
    args: '',
    description: 'class, no-class day and deadlines today',
    example: 'today',
    parse: noArgs('today', { kind: 'day', which: 'today' }),
  },
  {
    name: 'tomorrow',
    args: '',
    description: 'class, no-class day and deadlines tomorrow',
    example: 'tomorrow',
    parse: noArgs('tomorrow', { kind: 'day', which: 'tomorrow' }),
  },
  {
    name: 'week',
    args: '',
    description: 'the next 7 days: classes, days off, deadlines',
    example: 'week',
    parse: noArgs('week', { kind: 'week' }),
  },
  {
    name: 'deadlines',
    args: '',
    description: 'upcoming deadlines and exams, with the days left',
    example: 'deadlines',
    parse: noArgs('deadlines', { kind: 'deadlines' }),
  },
  {
    name: 'homework',
    args: '',
    description: 'homework released and due, upcoming and recent',
    example: 'homework',
    parse: noArgs('homework', { kind: 'homework' }),
  },
  {
    name: 'presentations',
    args: '[INITIALS]',
    description: "upcoming paper presentations, or one presenter's (past ones included)",
    example: 'presentations CG',
    parse: (args) =>
      args.length === 0
        ? { kind: 'presentations' }
        : args.length === 1
          ? { kind: 'presentations', initials: args[0]! }
          : { problem: "`presentations` takes one presenter's initials, e.g. `presentations CG`." },
  },
  {
    name: 'readings',
    args: '',
    description: 'the readings for the next class',
    example: 'readings',
    parse: noArgs('readings', { kind: 'readings' }),
  },
  {
    name: 'class',
    args: 'N',
    description: 'one class by its number',
    example: 'class 13',
    parse: (args) => {
      const [word, ...rest] = args;
      // Any number is read as one (0, -1, 3.5), so that one that is no class gets the range of classes.
      if (word === undefined || rest.length > 0 || !/^-?\d{1,4}(\.\d{1,4})?$/.test(word)) {
        return { problem: '`class` needs one class number, e.g. `class 13`.' };
      }
      return { kind: 'class', number: Number(word) };
    },
  },
  {
    name: 'search',
    args: 'WORDS',
    description: 'classes and events whose topic, readings, titles or presenters contain all the words',
    example: 'search attention',
    parse: (args) =>
      args.length > 0
        ? { kind: 'search', words: args }
        : { problem: '`search` needs at least one word, e.g. `search attention`.' },
  },
  {
    name: 'help',
    args: '',
    description: 'this list',
    example: 'help',
    parse: () => ({ kind: 'help' }),
  },
];

/**
 * First words that belong to the staff commands (the one table of them). They are never answered, nor
 * suggested, here: the parser reports them as "not a query" so the staff commands can take them.
 */
export const staffCommandWords: readonly string[] = staffCommands.map((command) => command.name);
