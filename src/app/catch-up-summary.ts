import { DateTime } from 'luxon';
import type { DuePost } from '../delivery/due-posts.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One sentence on what the first tick is about to do with the posts already due (from the dispatcher's
 * own survey, so it says what happens): e.g. "1 missed post (due 9:00 AM) will be sent late now; 2 others
 * are skipped as too late to be useful." Undefined when nothing is due.
 */
export function catchUpSummary(due: DuePost[], now: DateTime, zone: string): string | undefined {
  const late: DuePost[] = [];
  const onTime: DuePost[] = [];
  const count = { skip: 0, retry: 0, lookup: 0, confirm: 0, hold: 0 };
  for (const item of due) {
    const { step } = item;
    if (step.do === 'send') (step.late ? late : onTime).push(item);
    else if (step.do === 'wait') count[step.for]++;
    else if (step.do !== 'nothing') count[step.do]++;
  }
  const today = now.setZone(zone).toISODate();
  const times = (items: DuePost[]) => {
    const all = items.map(({ post }) => {
      const at = DateTime.fromISO(post.at, { setZone: true }).setZone(zone).setLocale('en-US');
      return at.toISODate() === today ? at.toFormat('h:mm a') : at.toFormat('ccc LLL d h:mm a');
    });
    const unique = [...new Set(all)];
    return unique.length > 3 ? `${unique.slice(0, 3).join(', ')} …` : unique.join(', ');
  };
  const parts: string[] = [];
  if (onTime.length)
    parts.push(`${plural(onTime.length, 'post', 'posts')} due at ${times(onTime)} will be sent now`);
  if (late.length) {
    parts.push(
      `${plural(late.length, 'missed post', 'missed posts')} (due ${times(late)}) will be sent late now`,
    );
  }
  if (count.skip) {
    const what = parts.length
      ? plural(count.skip, 'other is', 'others are')
      : plural(count.skip, 'missed post is', 'missed posts are');
    parts.push(`${what} skipped as too late to be useful`);
  }
  const maybe = count.confirm + count.lookup;
  if (count.confirm) parts.push(`${plural(count.confirm, 'post is', 'posts are')} looked up first`);
  if (count.lookup) parts.push(`${plural(count.lookup, 'post waits', 'posts wait')} for a lookup`);
  if (maybe) parts[parts.length - 1] += `, as ${maybe === 1 ? 'it' : 'they'} may already have been posted`;
  if (count.retry) parts.push(`${plural(count.retry, 'post waits', 'posts wait')} for a retry`);
  if (count.hold) parts.push(`${plural(count.hold, 'post waits', 'posts wait')} behind an earlier one`);
  return parts.length ? `${parts.join('; ')}.` : undefined;
}
