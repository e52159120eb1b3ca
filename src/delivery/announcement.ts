import type { Content } from '../content/content.ts';

/** Ledger keys of announcements start with this; reminder keys never do (they start with their kind). */
export const ANNOUNCE_PREFIX = 'announce:';

export const isAnnouncementKey = (key: string): boolean => key.startsWith(ANNOUNCE_PREFIX);

/** One key per revision: its announcement is queued once, whatever happens after. */
export const revisionAnnouncementKey = (revisionId: number): string =>
  `${ANNOUNCE_PREFIX}revision-${revisionId}`;

/**
 * A reload has no id of its own: the time makes each reload's announcement new (the same edit made again
 * later is announced again), the digest of its content tells apart two in one millisecond.
 */
export function reloadAnnouncementKey(epochMillis: number, content: Content): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(content)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${ANNOUNCE_PREFIX}reload-${epochMillis.toString(36)}-${h.toString(36)}`;
}

/** A queued announcement of a change, posted through the outbox like a reminder. */
export interface Announcement {
  key: string;
  content: Content;
  /** ISO-8601 with the course's offset: when it was queued; it is useful for a while after that. */
  createdAt: string;
}
