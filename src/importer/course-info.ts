import type { LocalDate } from '../plan/local-date.ts';

/** "CS 599 E1: Algorithms for Machine Learning" → code and title, when a heading reads like that. */
export function courseFromHeading(heading: string | undefined): { code?: string; title?: string } {
  if (!heading) return {};
  // "CS 599 E1: Algorithms", and also "INF 301 Databases — Winter term" with no separator after the code.
  const m =
    /^([A-Z]{2,5}\s?\d{2,4}[A-Z]?(?:\s+[A-Z]{0,2}\d{0,3})?)\s*[:–—-]\s*(.+)$/.exec(heading.trim()) ??
    /^([A-Z]{2,5}\s?\d{2,4}[A-Z]?)\s+([A-Z].+)$/.exec(heading.trim());
  if (!m) return {};
  const title = withoutTerm(m[2]!.trim());
  return { code: m[1]!.trim(), ...(title ? { title } : {}) };
}

// "Spring 2026", "fall semester 2025": the plan keeps the term apart, so the title need not repeat it.
// "Winter term" names a term without its year too.
const TERM = String.raw`\b(?:Spring|Summer|Fall|Autumn|Winter)(?:(?:\s+(?:Term|Semester|Quarter|Session))(?:,?\s+\d{4}(?:\/\d{2,4})?)?|,?\s+\d{4}(?:\/\d{2,4})?)\b`;
const TERM_IN_TITLE = [
  new RegExp(String.raw`\s*\(\s*${TERM}\s*\)`, 'i'), // "Data Structures (Spring 2026)"
  new RegExp(String.raw`(?:^|\s*[,:–—-]\s*|\s+)${TERM}\s*$`, 'i'), // "Data Structures — Spring 2026"
  new RegExp(String.raw`^${TERM}\s*[,:–—-]\s*`, 'i'), // "Spring 2026 — Data Structures"
];

/** A title without the term written into it, and without the dash, comma or parenthesis around it. */
export function withoutTerm(title: string): string {
  for (const pattern of TERM_IN_TITLE) {
    const stripped = title.replace(pattern, '').trim();
    if (stripped !== title) return stripped;
  }
  return title;
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
