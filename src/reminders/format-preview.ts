import { DateTime } from 'luxon';
import { renderText } from '../content/render-text.ts';
import type { Post } from './post.ts';

/** The distinct kinds a post carries, in section order. */
export const postKinds = (post: Post): string[] => [...new Set(post.reminders.map((r) => r.kind))];

/**
 * A post as the preview prints it: a line with the local date, time and zone, the channel and the kinds,
 * then the message as the terminal renders it, indented.
 */
export function formatPostText(post: Post, zone: string): string {
  const at = DateTime.fromISO(post.at, { zone }).setLocale('en-US').toFormat('ccc LLL d, HH:mm ZZZZ');
  const body = renderText(post.content)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `${at}  ${post.channel}  ${postKinds(post).join(' + ')}\n${body}`;
}

/** One post as one JSON object, for `--json` (one per line). */
export function formatPostJson(post: Post): string {
  return JSON.stringify({
    at: post.at,
    channel: post.channel,
    kinds: postKinds(post),
    keys: post.reminders.map((r) => r.key),
    text: renderText(post.content),
  });
}
