import type { DateTime } from 'luxon';
import { fetchPage, type FetchPageOptions } from '../../fetch/fetch-page.ts';
import { importSchedule } from '../../importer/import-schedule.ts';
import { formatReviewItem } from '../../importer/review.ts';
import { parsePlanValue } from '../../plan/parse-plan.ts';
import { formatProblem } from '../../plan/problems.ts';
import type { Plan } from '../../plan/schema.ts';

export type ImportedPage = { ok: true; plan: Plan; review: string[] } | { ok: false; message: string };

export interface ImportPageOptions {
  now: DateTime;
  /** An IANA zone the person typed after the address; else the page's own, else UTC (as `coursebot import`). */
  timezone?: string;
  fetch?: FetchPageOptions['fetch'];
  timeoutMs?: number;
}

/** How review lines name a fetched page: its file name, else its host. */
const sourceName = (url: string): string => {
  const parsed = new URL(url);
  return parsed.pathname.split('/').filter(Boolean).at(-1) ?? parsed.hostname;
};

/**
 * A course page by its address, as `coursebot import URL` reads it: fetched (redirects, size and time
 * bounds, format from the content), imported, checked as a plan. Every failure is one line for the person.
 */
export async function importPage(url: string, options: ImportPageOptions): Promise<ImportedPage> {
  const page = await fetchPage(url, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (!page.ok) return { ok: false, message: page.message };
  let result;
  try {
    result = importSchedule(page.text, {
      format: page.format,
      referenceYear: options.now.year,
      baseUrl: page.finalUrl,
      ...(options.timezone ? { timezone: options.timezone } : {}),
    });
  } catch (error) {
    // The importer throws a plain message for what it refuses (an unknown timezone, no dates at all).
    return { ok: false, message: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Kept so the page can be read again later (the address as given: redirects are followed each time).
  result.plan.course.links = { ...result.plan.course.links, website: url };
  const source = sourceName(page.finalUrl);
  const checked = parsePlanValue(result.plan);
  if (!checked.ok) {
    const first = checked.errors[0];
    const why = first ? formatProblem(first, source) : 'the page did not give a valid plan';
    return { ok: false, message: `${url} is not a schedule coursebot can use: ${why}` };
  }
  const review = [
    ...result.review.map((item) => formatReviewItem(item, source)),
    ...checked.warnings.map((p) => formatProblem(p, source)),
  ];
  return { ok: true, plan: checked.plan, review };
}
