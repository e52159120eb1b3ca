import type { LocalDate } from '../plan/local-date.ts';

/** Something the importer decided without being sure, or could not place: for the instructor to check. */
export interface ReviewItem {
  /** 1-based line in the imported file, when the item is about one place in it. */
  line?: number;
  /** The session the item is about, when there is one. */
  date?: LocalDate;
  message: string;
}

/** One line per item: `course-page.txt:15: Class 6 (Sep 18): …`. */
export function formatReviewItem(item: ReviewItem, source: string): string {
  return `${item.line ? `${source}:${item.line}` : source}: ${item.message}`;
}
