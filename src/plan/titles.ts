import type { Session } from './schema.ts';

/** "Class 14" (or "Class" for a class without a number, which a plan may hold for an extra session). */
export const className = (number: number | null): string => (number === null ? 'Class' : `Class ${number}`);

/** What a class is about: its topic, else the part of the course it belongs to ("Paper presentations"). */
export const classTopic = (session: Pick<Session, 'topic' | 'section'>): string =>
  session.topic.trim() || session.section?.trim() || '';
