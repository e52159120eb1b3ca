import type { HelpEntry } from '../queries/query-table.ts';

/**
 * Where a staff word is handled: the course's change desk (previewed changes, undo, history), the course's
 * staff list, the end of the course, or the setup of a channel's course from its page.
 */
export type StaffRoute = 'desk' | 'roster' | 'retire' | 'setup';

export interface StaffCommand extends HelpEntry {
  route: StaffRoute;
}

/**
 * Every `/schedule` word that only staff (or, for `setup`, those allowed to set up) may use. The Slack
 * listener registers, routes and documents them from this one table, so a word added here is parsed,
 * listed in the help and sent to its handler.
 */
export const staffCommands: readonly StaffCommand[] = [
  {
    route: 'desk',
    name: 'cancel',
    args: 'N|DATE [shift] [REASON]',
    description: 'staff: cancel a class (shift: later classes move up)',
    example: 'cancel 14 snow day',
  },
  {
    route: 'desk',
    name: 'restore',
    args: 'N',
    description: 'staff: hold a cancelled class again (later changes stay)',
    example: 'restore 14',
  },
  {
    route: 'desk',
    name: 'move',
    args: 'N DATE [TIME]',
    description: 'staff: move a class to another day (with a time: a make-up session at that hour)',
    example: 'move 14 Oct 22',
  },
  {
    route: 'desk',
    name: 'extend',
    args: 'DEADLINE DATE [TIME]',
    description: 'staff: move a deadline',
    example: 'extend proposal Nov 4',
  },
  {
    route: 'desk',
    name: 'remove',
    args: 'EVENT',
    description: 'staff: remove a deadline, homework or exam',
    example: 'remove quiz',
  },
  {
    route: 'desk',
    name: 'edit',
    args: 'N topic|readings|presenters TEXT',
    description: 'staff: change a class',
    example: 'edit 15 topic Mixture of experts',
  },
  {
    route: 'desk',
    name: 'add',
    args: 'deadline|homework|exam DATE TITLE',
    description: 'staff: add an event',
    example: 'add deadline Nov 11 23:59 Project draft due',
  },
  {
    route: 'desk',
    name: 'announce',
    args: 'TEXT [--notify]',
    description:
      'staff: post a message in the class channel, signed with your name (end this or any change with --notify to notify @channel)',
    example: 'announce No office hours today',
  },
  { route: 'desk', name: 'undo', args: '', description: 'staff: revert the last change', example: 'undo' },
  {
    route: 'desk',
    name: 'history',
    args: '',
    description: 'staff: list the changes made',
    example: 'history',
  },
  {
    route: 'roster',
    name: 'staff',
    args: '[add|remove @USER]',
    description: "staff: list the course's staff, or give or take a person's right to change the plan",
    example: 'staff add @alex',
  },
  {
    route: 'retire',
    name: 'retire',
    args: '',
    description: 'staff: end the course: no more reminders (asks to confirm first)',
    example: 'retire',
  },
  {
    route: 'setup',
    name: 'setup',
    args: 'URL',
    description:
      "set up this channel's course from its schedule page (in a channel that has one: replace its plan)",
    example: 'setup https://example.edu/cs101/schedule.html',
  },
];

/** The words of one route, as registered. */
export const staffWords = (route: StaffRoute): string[] =>
  staffCommands.filter((c) => c.route === route).map((c) => c.name);

/** The help lines of one route. */
const helpOfRoute = new Map<StaffRoute, readonly HelpEntry[]>();

/** The help entries of one route's words, made once: the table is fixed, and every answer lists them. */
export const staffHelp = (route: StaffRoute): readonly HelpEntry[] => {
  let help = helpOfRoute.get(route);
  if (!help) {
    help = staffCommands
      .filter((c) => c.route === route)
      .map(({ name, args, description, example }) => ({ name, args, description, example }));
    helpOfRoute.set(route, help);
  }
  return help;
};
