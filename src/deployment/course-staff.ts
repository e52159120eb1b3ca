import type { Plan } from '../plan/schema.ts';

/**
 * A course's own staff: those its configuration names (COURSEBOT_INSTRUCTORS for today's one course), the
 * plan's course.staff, and those added from Slack. Admins are not listed: they are staff of every course.
 */
export function courseStaff(configured: readonly string[], plan: Plan, added: readonly string[]): string[] {
  return [...new Set([...configured, ...(plan.course.staff ?? []), ...added])];
}
