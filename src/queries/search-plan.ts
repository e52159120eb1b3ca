import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { answerIndex } from './answer-index.ts';

export interface SearchAnswer {
  kind: 'search';
  words: string[];
  sessions: Session[];
  events: PlanEvent[];
}

/** The words a session can be found by. */
function sessionText(session: Session): string {
  return [
    session.number === null ? '' : `class ${session.number}`,
    session.topic,
    session.section ?? '',
    session.notes ?? '',
    session.noClass ?? '',
    ...session.readings.map((r) => r.title),
    ...session.presentations.flatMap((p) => [p.title, ...p.presenters]),
  ].join('\n');
}

/**
 * Classes and events containing every word, ignoring case. Words are plain text: "<!channel>" or "&" are
 * looked for literally (escaping for Slack happens when the answer is rendered).
 */
export function searchPlan(plan: Plan, words: string[]): SearchAnswer {
  const index = answerIndex(plan);
  const needles = words.map((w) => w.toLowerCase());
  const matches = (text: string) => {
    const haystack = text.toLowerCase();
    return needles.every((n) => haystack.includes(n));
  };
  return {
    kind: 'search',
    words,
    sessions: index.sessions.map((s) => s.session).filter((s) => matches(sessionText(s))),
    events: index.events.map((e) => e.event).filter((e) => matches(`${e.title}\n${e.id}\n${e.kind}`)),
  };
}
