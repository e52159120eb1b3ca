import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { PlanEvent, Session } from '../plan/schema.ts';
import type { WeekAhead } from './week-ahead.ts';

interface DueBase {
  key: string;
  /** When it is to be posted. */
  at: DateTime;
  /** When its subject happens: a reminder whose subject is not after `at` is dropped. */
  subjectAt: DateTime;
  /** The subject's local day and how many days before it the post goes out. */
  day: LocalDate;
  daysBefore: number;
}

/** One reminder due at one time, with what its message needs; the channel is decided later. */
export type DueReminder =
  | (DueBase & { kind: 'class-day'; session: Session })
  | (DueBase & { kind: 'readings'; session: Session })
  | (DueBase & { kind: 'homework'; event: PlanEvent })
  | (DueBase & { kind: 'deadline'; event: PlanEvent })
  | (DueBase & { kind: 'presentation'; session: Session })
  | (DueBase & { kind: 'no-class'; session: Session })
  | (DueBase & { kind: 'weekly'; week: WeekAhead });

export type DueOf<K extends DueReminder['kind']> = Extract<DueReminder, { kind: K }>;
