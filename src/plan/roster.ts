import type { Course } from './schema.ts';

/** The Slack user of a presenter's initials, matched whatever their case ("ms" is MS). */
export function rosterUserId(course: Course, initials: string): string | undefined {
  const wanted = initials.trim().toLowerCase();
  for (const [known, userId] of Object.entries(course.roster ?? {})) {
    if (known.trim().toLowerCase() === wanted) return userId;
  }
  return undefined;
}
