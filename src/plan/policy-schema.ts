import { z } from 'zod';
import { isValidLocalTime } from './local-date.ts';

/**
 * The reminder policy: the `reminders` section of schedule.json. Every field has a default suited to a
 * twice-a-week course, so an empty section (or none) means "the defaults".
 */

const time = (fallback: string) =>
  z
    .string()
    .refine(isValidLocalTime, { message: 'expected a 24-hour local time written HH:mm' })
    .default(fallback);

const leadDays = (fallback: number[]) =>
  z
    .array(z.int().min(0).max(60))
    .default(fallback)
    .describe('Days before the subject on which to post (0 = on the day)');

const channelName = z
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
export type ReminderKind = (typeof reminderKinds)[number];

export const policySchema = z.strictObject({
  channels: z
    .strictObject({
      default: channelName
        .optional()
        .describe('Channel for every kind without its own (else COURSEBOT_CHANNEL)'),
      'class-day': channelName.optional(),
      readings: channelName.optional(),
      homework: channelName.optional(),
      deadline: channelName.optional(),
      presentation: channelName.optional(),
      'no-class': channelName.optional(),
      weekly: channelName.optional(),
      changes: channelName.optional().describe('Channel for announcements of changes to the plan'),
    })
    .prefault({}),
  classDay: z.strictObject({ enabled: z.boolean().default(true), time: time('08:00') }).prefault({}),
  readings: z
    .strictObject({ enabled: z.boolean().default(true), time: time('09:00'), daysBefore: leadDays([2]) })
    .prefault({}),
  homework: z.strictObject({ enabled: z.boolean().default(true), time: time('09:00') }).prefault({}),
  deadlines: z
    .strictObject({
      enabled: z.boolean().default(true),
      time: time('09:00'),
      daysBefore: leadDays([7, 2, 1, 0]),
    })
    .prefault({}),
  presentations: z
    .strictObject({ enabled: z.boolean().default(true), time: time('09:00'), daysBefore: leadDays([7, 1]) })
    .prefault({}),
  noClass: z
    .strictObject({ enabled: z.boolean().default(true), time: time('09:00'), daysBefore: leadDays([1]) })
    .prefault({}),
  weeklyDigest: z
    .strictObject({
      enabled: z.boolean().default(true),
      weekday: z.int().min(1).max(7).default(7).describe('ISO weekday: 1 = Monday … 7 = Sunday'),
      time: time('18:00'),
    })
    .prefault({}),
  catchUp: z
    .strictObject({
      sameDayOnly: z
        .boolean()
        .default(true)
        .describe('After downtime, send a missed post late only on the local day it was due'),
    })
    .prefault({}),
});

export type Policy = z.infer<typeof policySchema>;
