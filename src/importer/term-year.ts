/** A term the page names ("Fall 2025", "Winter Term 2024/25", "/spring2022/" in its address). */
export interface StatedTerm {
  season: string;
  /** The year as written; the first of "2024/25". */
  year: number;
  /** The second year of "2024/25", when written. */
  endYear?: number;
  where: string;
}

const IN_TEXT =
  /\b(spring|summer|fall|autumn|winter)(?:\s+(?:term|semester|quarter|session))?,?\s+((?:19|20)\d{2})(?:\s*[/–-]\s*(\d{2,4}))?(?!\d)/i;
const IN_URL =
  /(?:^|[/_.-])(spring|summer|fall|autumn|winter|sp|su|fa|wi|au)[-_]?((?:19|20)\d{2}|\d{2})(?=$|[/_.#?-])/i;
const SEASONS: Record<string, string> = {
  sp: 'spring',
  su: 'summer',
  fa: 'fall',
  au: 'autumn',
  wi: 'winter',
};

/**
 * The term stated at the top of the page (its title, heading or preamble) or in its address: evidence of
 * the year, checked against the page's weekdays before it is used.
 */
export function statedTerm(head: string, url?: string): StatedTerm | undefined {
  const m = IN_TEXT.exec(head);
  if (m) {
    const end = m[3] ? Number(m[3].length === 2 ? `${m[2]!.slice(0, 2)}${m[3]}` : m[3]) : undefined;
    return {
      season: m[1]!.toLowerCase(),
      year: Number(m[2]),
      ...(end && end === Number(m[2]) + 1 ? { endYear: end } : {}),
      where: `the page says "${m[0].trim()}"`,
    };
  }
  const path = url ? safePath(url) : undefined;
  const u = path ? IN_URL.exec(path) : null;
  if (!u) return undefined;
  const year = u[2]!.length === 2 ? 2000 + Number(u[2]) : Number(u[2]);
  const season = SEASONS[u[1]!.toLowerCase()] ?? u[1]!.toLowerCase();
  return { season, year, where: `the page's address says "${u[0].replace(/^[/_.-]/, '')}"` };
}

/** The year of a term's first date, given the month it starts in: a winter term may start in December. */
export function firstYear(term: StatedTerm, firstMonth: number): number {
  if (term.endYear) return firstMonth >= 7 ? term.year : term.endYear;
  if (term.season === 'winter' && firstMonth >= 10) return term.year - 1;
  return term.year;
}

function safePath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
