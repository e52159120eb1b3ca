import type { PlanInput } from '../plan/schema.ts';
import type { ReviewItem } from './review.ts';

/**
 * Makes every reading's link absolute: a relative one ("../notes/l3.pdf", "/slides/intro.pdf") is resolved
 * against the page's address. One that cannot be resolved (no address given, or not a link at all) keeps
 * its title without the url and is listed, so a single cell never fails the import.
 */
export function resolveLinks(plan: PlanInput, baseUrl: string | undefined): ReviewItem[] {
  const review: ReviewItem[] = [];
  for (const session of plan.sessions) {
    for (const reading of session.readings ?? []) {
      if (reading.url === undefined) continue;
      const resolved = absolute(reading.url, baseUrl);
      if (resolved) {
        reading.url = resolved;
        continue;
      }
      review.push({
        date: session.date,
        message:
          `link "${reading.url}" of "${reading.title}" (${session.date}) ` +
          (baseUrl
            ? 'is not a web address: kept the title without it'
            : 'is relative: kept the title without it; pass --base-url with the page’s address'),
      });
      delete reading.url;
    }
  }
  return review;
}

function absolute(url: string, base: string | undefined): string | undefined {
  try {
    const parsed = base ? new URL(url, base) : new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
