import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, Presentation, Session } from '../plan/schema.ts';
import { answerIndex } from './answer-index.ts';
import { termPhase, type TermPhase } from './term-phase.ts';

export interface PresentationItem {
  session: Session;
  presentation: Presentation;
  /** The class it belongs to is over. */
  past: boolean;
}

export interface PresentationsAnswer {
  kind: 'presentations';
  today: LocalDate;
  phase: TermPhase;
  /** The presenter asked about, as typed; absent for "all upcoming". */
  initials?: string;
  items: PresentationItem[];
  /** Everyone who presents this term, for the answer when the initials match nobody. */
  presenters: string[];
}

/**
 * Upcoming presentations; or, given initials, every presentation of that presenter (past ones too, so a
 * student can check what they presented), matched without regard to case.
 */
export function presentations(plan: Plan, now: DateTime, initials?: string): PresentationsAnswer {
  const index = answerIndex(plan);
  const today = index.calendar.today(now);
  const nowMs = now.toMillis();
  const all = index.sessions
    .filter((s) => s.held)
    .flatMap(({ session, endMs }) =>
      session.presentations.map((presentation) => ({ session, presentation, past: endMs <= nowMs })),
    );
  const wanted = initials?.toLowerCase();
  const items = wanted
    ? all.filter((i) => i.presentation.presenters.some((p) => p.toLowerCase() === wanted))
    : all.filter((i) => !i.past);
  const presenters = [...new Set(all.flatMap((i) => i.presentation.presenters))];
  return {
    kind: 'presentations',
    today,
    phase: termPhase(plan, today),
    // Shown as the plan writes them ("CG"), whatever the case typed.
    ...(initials ? { initials: canonical(items, wanted) ?? initials } : {}),
    items,
    presenters,
  };
}

function canonical(items: PresentationItem[], wanted: string | undefined): string | undefined {
  return items.flatMap((i) => i.presentation.presenters).find((p) => p.toLowerCase() === wanted);
}
