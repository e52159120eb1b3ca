import { z } from 'zod';
import { isValidLocalDate, isValidLocalTime, isValidZone } from './local-date.ts';
import { policySchema } from './policy-schema.ts';

/**
 * The single source of truth for schedule.json. Types, validation and the published JSON Schema
 * (schedule.schema.json) all come from here.
 */

export const localDateSchema = z
  .string()
  .refine(isValidLocalDate, { message: 'expected a real calendar date written YYYY-MM-DD' })
  .describe('A calendar day in the course timezone, YYYY-MM-DD');

export const localTimeSchema = z
  .string()
  .refine(isValidLocalTime, { message: 'expected a 24-hour local time written HH:mm' })
  .describe('A wall-clock time in the course timezone, HH:mm');

const timezoneSchema = z
  .string()
  .refine(isValidZone, { message: 'expected an IANA timezone name such as America/New_York' })
  .describe('IANA timezone name, e.g. America/New_York');

const slackUserIdSchema = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user ID such as U012ABCDEF')
  .describe('Slack user ID');

export const readingSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url().optional(),
});

export const presentationSchema = z.strictObject({
  presenters: z.array(z.string().min(1)).min(1).describe('Presenters, usually by initials'),
  title: z.string().min(1).describe('Title of the paper presented'),
});

export const sessionSchema = z.strictObject({
  date: localDateSchema,
  number: z
    .int()
    .nonnegative()
    .nullable()
    .describe(
      'Class number (some courses start at 0), or null for a day without a numbered class: a day off ' +
        '(with noClass) or a meeting such as an exam that the page does not number',
    ),
  topic: z.string().describe('Topic of the class ("" when there is none)'),
  readings: z.array(readingSchema).default([]),
  presentations: z.array(presentationSchema).default([]),
  noClass: z.string().min(1).optional().describe('Why there is no class that day (holiday, cancelled, …)'),
  section: z.string().min(1).optional().describe('Part of the course the session belongs to'),
  notes: z.string().optional().describe('Free notes shown with the class'),
  meeting: z
    .strictObject({ start: localTimeSchema, end: localTimeSchema.optional() })
    .optional()
    .describe(
      "This session's own meeting time (a make-up session), instead of the course's; without an end it lasts the day",
    ),
});

export const eventKindSchema = z.enum(['homework-release', 'deadline', 'exam', 'other']);

export const eventSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug of lowercase letters, digits and dashes')
    .describe('Stable identifier, e.g. project-proposal-due'),
  kind: eventKindSchema,
  date: localDateSchema,
  time: localTimeSchema.optional().describe('Local time, e.g. 23:59 for a deadline'),
  title: z.string().min(1),
  session: z.int().positive().optional().describe('Number of the class the event belongs to'),
  url: z.url().optional(),
});

export const courseSchema = z.strictObject({
  code: z.string().min(1).describe('Course code, e.g. CS 599 E1'),
  title: z.string().min(1),
  timezone: timezoneSchema,
  term: z.string().min(1).describe('Term name, e.g. Fall 2025'),
  links: z.record(z.string(), z.url()).optional().describe('Named links, e.g. piazza, website'),
  meeting: z
    .strictObject({ start: localTimeSchema, end: localTimeSchema })
    .optional()
    .describe('Local class meeting time'),
  roster: z
    .record(z.string(), slackUserIdSchema)
    .optional()
    .describe('Maps presenter initials to Slack user IDs, so presenters are @-mentioned'),
  staff: z
    .array(slackUserIdSchema)
    .optional()
    .describe("Slack user IDs of the course's staff: they may change the plan from Slack"),
});

export const planSchema = z.strictObject({
  $schema: z.string().optional(),
  course: courseSchema,
  sessions: z.array(sessionSchema),
  events: z.array(eventSchema).default([]),
  reminders: policySchema.prefault({}),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Course = Plan['course'];
export type Session = Plan['sessions'][number];
export type PlanEvent = Plan['events'][number];
export type EventKind = PlanEvent['kind'];
export type Reading = Session['readings'][number];
export type Presentation = Session['presentations'][number];
