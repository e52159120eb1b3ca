import { z } from 'zod';
import { isValidLocalTime } from './local-date.ts';

/**
 * The reminder policy: the `reminders` section of schedule.json. Every field has a default suited to a
 * twice-a-week course, so an empty section (or none) means "the defaults". Each default is stated in its
 * `.describe()`, which is what the published JSON Schema shows in editors.
 */

const time = (fallback: string, what: string) =>
  z
    .string()
    .refine(isValidLocalTime, { message: 'expected a 24-hour local time written HH:mm' })
    .default(fallback)
    .describe(`${what}, local HH:mm (default ${fallback})`);

const leadDays = (fallback: number[]) =>
  z
    .array(z.int().min(0).max(60))
    .default(fallback)
    .describe(`Days before the subject on which to post, 0 = on the day (default [${fallback.join(', ')}])`);

const enabled = z.boolean().default(true).describe('Whether to post these at all (default true)');

/** A Slack channel as configured anywhere: an ID (C…, G…) or a lowercase name such as #cs599. */
export const channelNameSchema = z
  .string()
  .regex(/^(#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{2,})$/, 'expected a channel ID (C…) or a name such as #cs599');

export const reminderKinds = [
  'class-day',
  'readings',
  'homework',
  'deadline',
  'presentation',
  'no-class',
  'weekly',
] as const;
/** Also the order in which the sections of one post appear. */
export type ReminderKind = (typeof reminderKinds)[number];

const channelFor = (what: string) =>
  channelNameSchema.optional().describe(`Channel for ${what} (default: channels.default)`);

export const policySchema = z.strictObject({
  channels: z
    .strictObject({
      default: channelNameSchema
        .optional()
        .describe('Channel for every kind without its own (else COURSEBOT_CHANNEL)'),
      'class-day': channelFor('the class-day posts'),
      readings: channelFor('reading heads-ups'),
      homework: channelFor('homework releases'),
      deadline: channelFor('deadline and exam reminders'),
      presentation: channelFor('paper presentation reminders'),
      'no-class': channelFor('no-class notices'),
      weekly: channelFor('the weekly digest'),
      changes: channelNameSchema.optional().describe('Channel for announcements of changes to the plan'),
    })
    .prefault({})
    .describe('Where each kind of reminder is posted'),
  classDay: z
    .strictObject({
      enabled,
      time: time('08:00', 'Post on the morning of each class; a class starting at or before it gets none'),
    })
    .prefault({})
    .describe('The morning post of each class: topic, readings, presenters'),
  readings: z
    .strictObject({ enabled, time: time('09:00', 'Time of the heads-up'), daysBefore: leadDays([2]) })
    .prefault({})
    .describe('Heads-up before each class that has readings'),
  homework: z
    .strictObject({ enabled, time: time('09:00', 'Time of the post on the release day') })
    .prefault({})
    .describe('"HW1 is out today" on the day of each homework release'),
  deadlines: z
    .strictObject({
      enabled,
      time: time('09:00', 'Time of the reminders'),
      daysBefore: leadDays([7, 2, 1, 0]),
    })
    .prefault({})
    .describe('Reminders before each deadline and exam'),
  presentations: z
    .strictObject({ enabled, time: time('09:00', 'Time of the reminders'), daysBefore: leadDays([7, 1]) })
    .prefault({})
    .describe('Reminders before each class with paper presentations, naming the presenters'),
  noClass: z
    .strictObject({ enabled, time: time('09:00', 'Time of the notice'), daysBefore: leadDays([1]) })
    .prefault({})
    .describe('Notice before each day without class'),
  weeklyDigest: z
    .strictObject({
      enabled,
      weekday: z
        .int()
        .min(1)
        .max(7)
        .default(7)
        .describe(
          'ISO weekday of the post: 1 = Monday … 7 = Sunday (default 7); posted before noon it covers that day and the 6 after, from noon on the 7 days after',
        ),
      time: time('18:00', 'Time of the digest'),
    })
    .prefault({})
    .describe('The week ahead, once a week; skipped when the week ahead has nothing in it'),
  catchUp: z
    .strictObject({
      sameDayOnly: z
        .boolean()
        .default(true)
        .describe('After downtime, send a missed post late only on the local day it was due (default true)'),
    })
    .prefault({}),
});

export type Policy = z.infer<typeof policySchema>;
