import type { EventDraft } from './find-notes.ts';
import type { ReviewItem } from './review.ts';
import { slugify } from './slug.ts';
import type { RowMeaning } from './understand-row.ts';

// "Each homework is posted below under the day it goes out", "assignments are listed on the date they
// are released": the page says the row a piece of work is written on is the day it comes out.
const LISTED_ON_RELEASE =
  /\b(?:homeworks?|assignments?|problem\s+sets?|psets?|labs?|projects?|work)\b[^.\n]{0,80}?\b(?:listed|posted|shown|written|placed|appears?)\b[^.\n]{0,60}?\b(?:day|date)\b[^.\n]{0,40}?\b(?:goes\s+out|go\s+out|comes\s+out|come\s+out|(?:is|are)\s+(?:released|assigned|posted|handed\s+out|given))\b/i;

/**
 * Where the preamble says work is listed on the day it goes out, each deadline dated later than the row
 * it is written on is also a release on that row. Returns the review line, when any release was added.
 */
export function addListedReleases(meanings: RowMeaning[], preamble: string): ReviewItem[] {
  const said = LISTED_ON_RELEASE.exec(preamble);
  if (!said) return [];
  let added = 0;
  for (const meaning of meanings) {
    const released = new Set(meaning.events.filter((e) => e.kind === 'homework-release').map(workOf));
    const drafts: EventDraft[] = [];
    for (const event of meaning.events) {
      if (event.kind !== 'deadline' || !event.date) continue;
      const { month, day } = event.date;
      if (month === meaning.date.month && day === meaning.date.day) continue;
      const work = workOf(event);
      if (released.has(work)) continue;
      released.add(work);
      const title = `${work} released`;
      drafts.push({ kind: 'homework-release', title, idBase: slugify(title) });
    }
    meaning.events.push(...drafts);
    added += drafts.length;
  }
  if (added === 0) return [];
  return [
    {
      line: preamble.slice(0, said.index).split('\n').length,
      message: `${added} release(s) added on the day each deadline is listed, as the page says ("${said[0]}"): check them`,
    },
  ];
}

function workOf(event: EventDraft): string {
  return event.title.replace(/\s+(?:due|released)$/i, '');
}
