import type { LocalDate } from '../plan/local-date.ts';

/** "CS 599 E1: Algorithms for Machine Learning" → code and title, when a heading reads like that. */
export function courseFromHeading(heading: string | undefined): { code?: string; title?: string } {
  if (!heading) return {};
  const m = /^([A-Z]{2,5}\s?\d{2,4}[A-Z]?(?:\s+[A-Z]{0,2}\d{0,3})?)\s*[:–—-]\s*(.+)$/.exec(heading.trim());
  return m ? { code: m[1]!.trim(), title: m[2]!.trim() } : {};
}

/** "Fall 2025" from the term's dates: the season of most of its days, and the year it starts in. */
export function termName(dates: LocalDate[]): string | undefined {
  if (dates.length === 0) return undefined;
  const months = dates.map((d) => Number(d.slice(5, 7)));
  const middle = [...months].sort((a, b) => a - b)[Math.floor(months.length / 2)]!;
  // A term that runs from December into January is a winter term, named by the year it ends in.
  if (dates[0]!.slice(0, 4) !== dates.at(-1)!.slice(0, 4) && (middle === 12 || middle === 1))
    return `Winter ${dates.at(-1)!.slice(0, 4)}`;
  const season = middle <= 5 ? 'Spring' : middle <= 8 ? 'Summer' : 'Fall';
  const year = season === 'Spring' ? dates.at(-1)!.slice(0, 4) : dates[0]!.slice(0, 4);
  return `${season} ${year}`;
}
