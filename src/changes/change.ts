import { z } from 'zod';
import {
  eventSchema,
  planSchema,
  localDateSchema,
  localTimeSchema,
  presentationSchema,
  readingSchema,
} from '../plan/schema.ts';

/**
 * A change to the plan, as stored in a revision. It names its target by class number or event id (not by
 * position), so it can be re-applied over a reloaded schedule.json.
 */
export const changeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cancel'),
    number: z.int().positive(),
    date: localDateSchema,
    reason: z.string().min(1),
    /** Move this class's content, and each later one's, to the next meeting. */
    shift: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('move'),
    number: z.int().positive(),
    from: localDateSchema,
    to: localDateSchema,
    /** A make-up session's own hours; absent meets at the course's time. */
    meeting: z.strictObject({ start: localTimeSchema, end: localTimeSchema.optional() }).optional(),
  }),
  z.strictObject({
    kind: z.literal('extend'),
    eventId: z.string().min(1),
    from: localDateSchema,
    to: localDateSchema,
    /** A new local time; absent keeps the event's time. */
    time: localTimeSchema.optional(),
  }),
  /** Holds a cancelled class again on its day, leaving every later change as it is. */
  z.strictObject({ kind: z.literal('restore'), number: z.int().positive(), date: localDateSchema }),
  z.strictObject({ kind: z.literal('remove'), eventId: z.string().min(1), date: localDateSchema }),
  z.strictObject({ kind: z.literal('edit-topic'), number: z.int().positive(), topic: z.string() }),
  z.strictObject({
    kind: z.literal('edit-readings'),
    number: z.int().positive(),
    readings: z.array(readingSchema),
  }),
  z.strictObject({
    kind: z.literal('edit-presenters'),
    number: z.int().positive(),
    presentations: z.array(presentationSchema),
  }),
  z.strictObject({
    kind: z.literal('add'),
    event: eventSchema,
    /** The deadline a homework note states with its release ("HW3 out, due Oct 28"). */
    deadline: eventSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('announce'),
    text: z.string().min(1),
    /** Slack user ID of the sender, named under the text. */
    from: z.string().min(1).optional(),
  }),
  /** Reverts revision `of`: the effective plan is re-computed without it. */
  z.strictObject({ kind: z.literal('undo'), of: z.int().positive() }),
  /**
   * schedule.json as the bot found it (`start`, `edit`) or as `coursebot export` wrote it (`export`): the file
   * whose plan hashes to `hash` has the revisions replayed over `plan`. For an edit `plan` is the file itself;
   * for an export it is the plan the exported changes were made over, so they stay undoable.
   */
  z.strictObject({
    kind: z.literal('file'),
    source: z.enum(['start', 'edit', 'export']),
    hash: z.string().min(1),
    plan: planSchema,
    /** For an export: the last revision the file includes. */
    through: z.int().nonnegative().optional(),
  }),
]);

export type Change = z.infer<typeof changeSchema>;
export type ChangeKind = Change['kind'];
/** The changes that apply to a plan by themselves (undo needs the history, a file record is no change). */
export type PlanChange = Exclude<Change, { kind: 'undo' | 'file' }>;
export type FileRecord = Extract<Change, { kind: 'file' }>;
