import type { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import type { Course, Deployment } from '../deployment/deployment.ts';
import type { SlackButtonSpec } from '../content/render-slack.ts';
import type { Plan } from '../plan/schema.ts';
import type { HelpEntry } from '../queries/query-table.ts';

/** One `/schedule` request routed to a registered word (e.g. the staff words `cancel`, `move`). */
export interface ScheduleRequest {
  /** The first word, lower-cased: the one the handler was registered for. */
  word: string;
  /** Everything after the first word, as typed (entities and mention tokens already decoded). */
  args: string;
  userId: string;
  channelId: string;
  /** Slack user IDs mentioned in the request (`<@U123|name>`), in order: the text keeps only their names. */
  mentions: readonly string[];
  /** The course the request is answered for (its channel, the course named, or the one chosen). */
  course: Course;
  deployment: Deployment;
  /** Whether the user is staff of that course (deployment.isStaff). Handlers decide what non-staff may do. */
  isStaff: boolean;
  /** The slash command as the app answers it (COURSEBOT_COMMAND), for replies that suggest another. */
  command: string;
  plan: Plan;
  now: DateTime;
  /** Sends a later message through the command's response_url (Slack allows 5 within 30 minutes). */
  followUp(reply: ScheduleReply): Promise<void>;
}

export interface ScheduleReply {
  content: Content;
  /** Posted in the channel for everyone (`in_channel`) instead of only to the user. */
  share?: boolean;
  /** Buttons under the reply, e.g. Confirm / Cancel under a staff preview. */
  buttons?: ReplyButton[];
}

/** A button under a reply: the renderer's own description of one, so the two cannot drift apart. */
export type ReplyButton = SlackButtonSpec;

/**
 * A handler answers from memory when it can: a returned value is the immediate reply. A promise that takes
 * longer than Slack's 3-second window is answered with a short "working on it" and delivered as a follow-up.
 */
export type ScheduleHandler = (request: ScheduleRequest) => ScheduleReply | Promise<ScheduleReply>;

/**
 * The words `/schedule` routes to handlers other than the read-only answers. Other modules extend it
 * (instructors' change commands) instead of editing the Slack layer; words not registered here go to `ask`.
 */
export class ScheduleCommandTable {
  private readonly handlers = new Map<string, ScheduleHandler>();
  private readonly help: HelpEntry[] = [];

  /** `help` lines are listed after the queries in `/schedule help` (and with every "did you mean"). */
  register(words: string | string[], handler: ScheduleHandler, help: readonly HelpEntry[] = []): this {
    for (const raw of Array.isArray(words) ? words : [words]) {
      const word = raw.trim().toLowerCase();
      if (!/^[a-z][a-z0-9-]*$/.test(word)) throw new Error(`invalid /schedule word "${raw}"`);
      if (this.handlers.has(word)) throw new Error(`/schedule ${word} is already registered`);
      this.handlers.set(word, handler);
    }
    this.help.push(...help);
    return this;
  }

  handlerFor(word: string): ScheduleHandler | undefined {
    return this.handlers.get(word.toLowerCase());
  }

  helpEntries(): readonly HelpEntry[] {
    return this.help;
  }

  words(): string[] {
    return [...this.handlers.keys()].sort();
  }
}

/** The seam for modules that add words: `registerStaffCommands(table)` style functions take this shape. */
export type ScheduleCommandsRegistrar = (table: ScheduleCommandTable) => void;
