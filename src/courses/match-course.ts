/** What a course is named by in `/schedule <course> …`: its id and its code. */
export interface NamedCourse {
  id: string;
  code: string;
}

export type CourseMatch<T> = { kind: 'one'; course: T } | { kind: 'many'; courses: T[] } | { kind: 'none' };

/** Letters and digits only, lower-cased: "CS 599 E1" and "cs599e1" name the same course. */
const squeeze = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The course a word names: its id exactly (any case), else every course whose id or code starts with it
 * (spaces and punctuation ignored, so `cs599` finds "CS 599 E1"). Callers check their command words first,
 * so a course can never shadow `next` or `week`; a word of one character names nothing, since it would
 * match half the department.
 */
export function matchCourse<T extends NamedCourse>(courses: readonly T[], word: string): CourseMatch<T> {
  const exact = courses.find((c) => c.id.toLowerCase() === word.toLowerCase());
  if (exact) return { kind: 'one', course: exact };
  const typed = squeeze(word);
  if (typed.length < 2) return { kind: 'none' };
  const found = courses.filter((c) => squeeze(c.id).startsWith(typed) || squeeze(c.code).startsWith(typed));
  if (found.length === 0) return { kind: 'none' };
  if (found.length === 1) return { kind: 'one', course: found[0]! };
  return { kind: 'many', courses: found };
}
