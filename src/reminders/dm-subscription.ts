/** What a student can ask to be reminded of by DM. `presentations` is on by default for presenters. */
export const dmKinds = ['deadlines', 'classes', 'presentations'] as const;
export type DmKind = (typeof dmKinds)[number];

/** One student's wish for one kind in one course. */
export interface DmSubscription {
  userId: string;
  kind: DmKind;
  /** Minutes before the subject, largest first. Empty: turned off (only meaningful for presentations). */
  leadsMinutes: number[];
  /** The student's IANA timezone from their Slack profile; unknown, the course's is used. */
  timezone?: string;
}

/** Presenters are reminded a week and a day before, unless they turned it off. */
export const PRESENTER_LEADS_MINUTES = [7 * 24 * 60, 24 * 60];

/** `2d`, `2h`, `1d12h`, `90m`: how a lead time is shown and keyed. */
export function leadText(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}` || '0m';
}
