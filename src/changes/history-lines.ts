import { DateTime } from 'luxon';
import { mention, type Line } from '../content/content.ts';
import type { Revision } from './revision-log.ts';

/**
 * One line per revision, oldest first: "#3 Mon Oct 20 10:02 AM  @prof  cancelled Class 14 (Tue Oct 21): snow
 * day  (undone by #4)", in the course timezone when given. Authors that are Slack user IDs become mentions.
 */
export function historyLines(revisions: Revision[], zone?: string): Line[] {
  const undoneBy = new Map(revisions.flatMap((r) => (r.undoneOf === undefined ? [] : [[r.undoneOf, r.id]])));
  return revisions.map((r) => {
    const stamp = DateTime.fromISO(r.createdAt, { setZone: true });
    // Without a course timezone, the time is shown as recorded, with its offset.
    const at = zone
      ? stamp.setZone(zone).toFormat('ccc LLL d h:mm a')
      : stamp.toFormat('yyyy-LL-dd HH:mm ZZ');
    const author = /^[UW][A-Z0-9]{2,}$/.test(r.author) ? mention(r.author, r.author) : r.author;
    const undone = undoneBy.get(r.id);
    return [`#${r.id} ${at}  `, author, `  ${r.summary}${undone ? `  (undone by #${undone})` : ''}`];
  });
}
