import type { PlanEvent, Session } from './schema.ts';

/** "Class 14" (or "Class" for a class without a number, which a plan may hold for an extra session). */
export const className = (number: number | null): string => (number === null ? 'Class' : `Class ${number}`);

/** What a class is about: its topic, else the part of the course it belongs to ("Paper presentations"). */
export const classTopic = (session: Pick<Session, 'topic' | 'section'>): string =>
  session.topic.trim() || session.section?.trim() || '';

const DUE_WORD = /\s+(?:is\s+)?due\s*$/i;
const RELEASE_WORD = /\s+(?:is\s+)?(?:posted|released|release|out|available)\s*$/i;

/**
 * An event's title without the verb every line about it says itself: a deadline "Project proposal due" is
 * "Project proposal" (lines add "due"), a release "HW1 posted" is "HW1" (lines add "out"). Other kinds, and a
 * title that is only the verb, stay as written.
 */
export function eventName(event: Pick<PlanEvent, 'kind' | 'title'>): string {
  const verb =
    event.kind === 'deadline' ? DUE_WORD : event.kind === 'homework-release' ? RELEASE_WORD : undefined;
  return (verb && event.title.replace(verb, '').trim()) || event.title;
}
