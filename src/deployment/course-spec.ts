import type { Plan } from '../plan/schema.ts';
import type { CourseSource } from './deployment.ts';

/**
 * A course as the deployment found it, before anything runs: where its base plan comes from, the plan as
 * read at the start, its home channel and the staff its configuration names.
 */
export interface CourseSpec {
  id: string;
  source: CourseSource;
  /** The base plan (the file's, or the one stored for a course set up from Slack). */
  plan: Plan;
  /** Where kinds without a channel of their own go: reminders.channels.default, COURSEBOT_CHANNEL, or the setup's channel. */
  home: string;
  /** Staff named by configuration (COURSEBOT_INSTRUCTORS for the env course); the plan's course.staff is read live. */
  configuredStaff: readonly string[];
  /** Plan file to watch and reload; absent for a course set up from Slack. */
  watchPath?: string;
  /** When the course was retired, if it was (stored). */
  retiredAt?: string;
}
