import { z } from 'zod';
import {
  eventSchema,
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
  }),
  z.strictObject({
    kind: z.literal('extend'),
    eventId: z.string().min(1),
    from: localDateSchema,
    to: localDateSchema,
    /** A new local time; absent keeps the event's time. */
    time: localTimeSchema.optional(),
  }),
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
  z.strictObject({ kind: z.literal('add'), event: eventSchema }),
  z.strictObject({
    kind: z.literal('announce'),
    text: z.string().min(1),
    /** Slack user ID of the sender, named under the text. */
    from: z.string().min(1).optional(),
  }),
  /** Reverts revision `of`: the effective plan is re-computed without it. */
  z.strictObject({ kind: z.literal('undo'), of: z.int().positive() }),
]);

export type Change = z.infer<typeof changeSchema>;
export type ChangeKind = Change['kind'];
/** The changes that apply to a plan by themselves (undo needs the revision history). */
export type PlanChange = Exclude<Change, { kind: 'undo' }>;
