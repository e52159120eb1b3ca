import type { Plan } from './schema.ts';

/** Lower-case ASCII letters and digits only: accents dropped, everything else a separator. */
const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The course's id, e.g. "cs599e1-fall-2025" for CS 599 E1 in Fall 2025: its code run together (a code is
 * one name however it is spaced) and its term as words. It names the course in URLs and in everything stored
 * per course, so it depends only on the code and the term, never on the sessions.
 */
export function courseId(plan: Pick<Plan, 'course'>): string {
  const code = words(plan.course.code).join('') || 'course';
  return [code, ...words(plan.course.term)].join('-');
}
