import type { DateTime } from 'luxon';
import type { Content, Line } from '../content/content.ts';
import { logSafe } from '../util/log-safe.ts';
import type { Logger } from '../util/logger.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';
import type { Change } from './change.ts';
import { historyLines } from './history-lines.ts';
import { notifying, takeNotify } from './notify.ts';
import { parseChange } from './parse-change.ts';
import { planHash } from './plan-hash.ts';
import type { Revision } from './revision-log.ts';
import type { RevisedPlanSource } from './revised-plan-source.ts';
import { isStaff } from './is-staff.ts';
import { refusalMessage, type ConfirmationStore, type Confirmations } from './confirmations.ts';
import { memoryConfirmationStore } from './memory-confirmations.ts';

/** What the desk answers; the Slack layer turns it into an ephemeral reply (plus a channel post when applied). */
export type DeskReply =
  /** Only to the staff member: a refusal, an error, the history. */
  | { kind: 'message'; content: Content }
  /** The announcement as it would be posted, awaiting Confirm or Cancel. */
  | { kind: 'preview'; previewId: string; content: Content; announcement: Content; expiresAt: DateTime }
  /** Confirmed and recorded: `announcement` goes to the class channel, `content` back to the staff member. */
  | { kind: 'applied'; content: Content; announcement: Content; revision: Revision };

/** A preview awaiting Confirm, as it is held (JSON: another instance may be the one to confirm it). */
interface Pending {
  change: Change;
  notify: boolean;
  /** The plan's last revision when previewed: a change recorded since refuses the Confirm. */
  head: number;
  announcement: Content;
}

export interface StaffDeskOptions {
  source: RevisedPlanSource;
  /** The staff: a list of Slack user IDs, or the deployment's rule (admins, and the course's own staff). */
  instructors: readonly string[] | ((userId: string) => boolean);
  log: Pick<Logger, 'info' | 'warn'>;
  /** How long a preview can be confirmed. */
  previewMinutes?: number;
  /**
   * Where previews wait for Confirm: the store every instance shares, so a Confirm reaching another instance
   * (or coming after a restart) applies once. In memory by default.
   */
  confirmations?: ConfirmationStore;
  /** The course the previews belong to, recorded with each. */
  courseId?: string;
  /** The slash command the staff type (COURSEBOT_COMMAND), for the hints that name it; /schedule by default. */
  command?: string;
}

/** A message without its full stop, to go on inside a sentence. */
const clause = (text: string) => text.replace(/\.$/, '');
/** Ends a summary with one full stop; a quoted text (“…”) brings its own. */
const finished = (text: string) => (/[.!?”"]$/.test(text) ? text : `${text}.`);

/** Plans compared by content, whatever the order of their keys: a change builds new objects. */
const samePlan = (a: unknown, b: unknown) => planHash(a) === planHash(b);

function nothingReason(change: Change, summary: string): string {
  if (change.kind === 'undo')
    return `${summary.replace(/^undid/, 'undoing')} would leave the schedule as it is`;
  return 'the schedule already says so';
}

const say = (...lines: Line[]): DeskReply => ({
  kind: 'message',
  content: { blocks: [{ kind: 'section', lines }] },
});

/**
 * The staff side of `/schedule`: every change is previewed first (exactly the announcement, plus notes for
 * the staff member), then applied only by Confirm, within the preview's lifetime, if the plan has not moved.
 */
export class StaffDesk {
  private readonly pending: Confirmations<Pending>;

  constructor(private readonly options: StaffDeskOptions) {
    this.pending = (options.confirmations ?? memoryConfirmationStore()).ofKind<Pending>(
      'staff-change',
      options.previewMinutes ?? 15,
    );
  }

  isStaff(userId: string): boolean {
    const { instructors } = this.options;
    return typeof instructors === 'function' ? instructors(userId) : isStaff(instructors, userId);
  }

  /** `text` is the whole command after `/schedule`, e.g. "cancel 14 snow day", "undo", "history". */
  async request(typed: string, userId: string, now: DateTime): Promise<DeskReply> {
    const { source, log } = this.options;
    const { text, notify } = takeNotify(typed);
    const word = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!this.isStaff(userId)) {
      log.warn(`staff: refused "${logSafe(typed)}" from ${userId}: not in COURSEBOT_INSTRUCTORS`);
      return say([
        `Sorry, only the course staff can change the schedule. Try \`${this.options.command ?? DEFAULT_PREFIX} help\` for what you can ask.`,
      ]);
    }
    if (word === 'history') {
      const revisions = await source.history();
      if (revisions.length === 0) return say(['No changes have been made from Slack yet.']);
      return {
        kind: 'message',
        content: {
          blocks: [
            {
              kind: 'section',
              heading: 'Changes to the schedule',
              lines: historyLines(revisions.slice(-20), source.current().course.timezone),
            },
          ],
        },
      };
    }
    let change: Change;
    if (word === 'undo') {
      const undo = await source.undoChange();
      if (!undo.ok) return say([undo.message]);
      change = undo.change;
    } else {
      const parsed = parseChange(text, source.current(), now);
      if (!parsed.ok) return say([parsed.message]);
      // A free announcement names who sent it.
      change = parsed.change.kind === 'announce' ? { ...parsed.change, from: userId } : parsed.change;
    }
    return this.preview(change, userId, now, notify);
  }

  async confirm(previewId: string, userId: string, now: DateTime): Promise<DeskReply> {
    const pending = await this.take(previewId, userId, now);
    if ('kind' in pending) return pending;
    const { source } = this.options;
    const committed = await source.commit(pending.change, userId, now, source.version, {
      notify: pending.notify,
      expectedHead: pending.head,
    });
    if (!committed.ok) {
      this.options.log.info(
        `staff: ${userId} confirmed a change that was refused: ${logSafe(committed.message)}`,
      );
      return say([`Not applied: ${clause(committed.message)}. Run the command again for a fresh preview.`]);
    }
    const { revision } = committed;
    // The summary quotes what staff typed (a reason, an announcement): logged like any user text.
    this.options.log.info(`staff: #${revision.id} by ${userId}: ${logSafe(revision.summary)}`);
    return {
      kind: 'applied',
      content: say([`Done (#${revision.id}): ${finished(revision.summary)}`]).content,
      announcement: pending.announcement,
      revision,
    };
  }

  async dismiss(previewId: string, userId: string, now: DateTime): Promise<DeskReply> {
    const pending = await this.take(previewId, userId, now);
    return 'kind' in pending ? pending : say(['Cancelled: nothing was changed.']);
  }

  private async preview(change: Change, userId: string, now: DateTime, notify: boolean): Promise<DeskReply> {
    const { source } = this.options;
    let applied;
    try {
      applied = await source.preview(change, this.options.command);
    } catch (error) {
      return say([error instanceof Error ? error.message : String(error)]);
    }
    if (notify) applied = notifying(applied);
    // A change that leaves the plan as it is would only tell every student "No change": say so here instead.
    if (change.kind !== 'announce' && samePlan(applied.plan, source.current())) {
      return say([`Nothing to change: ${nothingReason(change, applied.summary)}.`]);
    }
    const { id: previewId, expiresAt } = await this.pending.hold(
      { change, notify, head: source.head, announcement: applied.announcement },
      userId,
      now,
      this.options.courseId,
    );
    const zone = source.current().course.timezone;
    const notes: Line[] = applied.notes.map((n) => [n]);
    return {
      kind: 'preview',
      previewId,
      announcement: applied.announcement,
      expiresAt,
      content: {
        blocks: [
          ...applied.announcement.blocks,
          ...(notes.length
            ? [{ kind: 'section' as const, heading: 'Only you see this:', lines: notes }]
            : []),
          {
            kind: 'context',
            lines: [
              [
                `Confirm to apply this and post it in the class channel. The preview expires at ${expiresAt.setZone(zone).toFormat('h:mm a')}.`,
              ],
            ],
          },
        ],
      },
    };
  }

  /** The pending preview, used up (a preview is used once), or the reply saying why it cannot be used. */
  private async take(previewId: string, userId: string, now: DateTime): Promise<Pending | DeskReply> {
    const taken = await this.pending.take(previewId, userId, now);
    return taken.ok ? taken.value : say([refusalMessage(taken.refusal, 'staff member')]);
  }
}
