import type { DateTime } from 'luxon';
import type { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import type { StaffDesk } from '../changes/staff-desk.ts';
import type { AnnounceStatus } from '../delivery/announcer.ts';
import type { Plan } from '../plan/schema.ts';

/** Where a course's base plan comes from: a plan file on the server, or a page imported from Slack. */
export type CourseSource = { kind: 'file'; path: string } | { kind: 'slack'; url?: string };

/**
 * One course of a deployment: the unit of everything. Its plan, staff, channels, previews, reminders and
 * ledger rows are its own; nothing of one course is seen by another.
 */
export interface Course {
  /** Stable id, e.g. "cs599e1-fall-2025" (see courseId). Names the course in keys, URLs and the CLI. */
  readonly id: string;
  readonly source: CourseSource;
  /** The effective plan: base plan + recorded changes. */
  readonly plans: RevisedPlanSource;
  /** Previews and Confirm of this course's staff changes. */
  readonly desk: StaffDesk;
  /** The home channel as configured (a name such as "cs599" or an ID C…): reminders.channels.default. */
  homeChannel(): string;
  /** Every channel the course posts to (home first), as configured. */
  channels(): readonly string[];
  /** Slack user IDs of the course's own staff (plan's course.staff, COURSEBOT_INSTRUCTORS for the env course, and those added from Slack). Admins are not listed. */
  staff(): readonly string[];
  /** Set once the course is retired: no more posts, and answers say so. */
  retiredAt(): DateTime | undefined;
  /** Sends a revision's queued announcement now if it can (the outbox retries it otherwise). */
  announce(revisionId: number): Promise<AnnounceStatus>;
}

export type StaffEdit = { ok: true; message: string } | { ok: false; message: string };

export interface SetupRequest {
  /** The plan imported from the page (already validated). */
  plan: Plan;
  /** The Slack channel ID the setup was typed in: it becomes the course's home channel. */
  channelId: string;
  /** The person confirming: the course's first staff member. */
  userId: string;
  /** The page it was imported from. */
  url: string;
  now: DateTime;
}

export type SetupResult =
  { ok: true; course: Course; created: boolean; revisionId?: number } | { ok: false; message: string };

/**
 * Every course the running bot serves, and the operations Slack can perform on them. The one place that
 * answers "which course is this channel's" and "may this person change that course".
 */
export interface Deployment {
  /** Every course, retired ones included, in a stable order (by id). */
  courses(): readonly Course[];
  course(id: string): Course | undefined;
  /**
   * The course whose home or reminder channel is this channel ID (retired courses included), if any. Known
   * at once for a channel seen before or configured by ID; only a channel name never resolved asks Slack.
   */
  courseForChannel(channelId: string): Course | undefined | Promise<Course | undefined>;
  /** Deployment admins (COURSEBOT_ADMINS): may set up and retire anywhere, and are staff of every course. */
  isAdmin(userId: string): boolean;
  /** The one staff rule: an admin, or one of the course's staff. */
  isStaff(course: Course, userId: string): boolean;
  /** Whether this person may set up a new course in a channel that has none (admin, or COURSEBOT_OPEN_SETUP). */
  maySetUp(userId: string): boolean;
  /**
   * Creates the course (the channel becomes its home, the user its first staff member, its reminders start
   * from `now`, no backlog), or, when the channel already has a course, replaces that course's base plan
   * (recorded and announced like any change). Stored in the database: it survives a restart.
   */
  setUp(request: SetupRequest): Promise<SetupResult>;
  /** Stored before it is said; the course's staff() says so at once. */
  addStaff(course: Course, userId: string, by: string, now: DateTime): Promise<StaffEdit>;
  removeStaff(course: Course, userId: string, by: string, now: DateTime): Promise<StaffEdit>;
  /** No more posts from now on; the course stays (its history, answers saying it is retired). */
  retire(course: Course, by: string, now: DateTime): Promise<StaffEdit>;
}
