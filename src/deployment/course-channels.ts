import type { Plan } from '../plan/schema.ts';

/** Every channel a course's reminders and announcements may go to, its home channel first. */
export function courseChannels(plan: Plan, home: string): string[] {
  const configured = Object.values(plan.reminders.channels).filter((c): c is string => !!c);
  return [...new Set([home, ...configured])];
}
