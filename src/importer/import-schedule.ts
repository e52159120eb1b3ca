import { isValidZone } from '../plan/local-date.ts';
import type { PlanInput } from '../plan/schema.ts';
import { UserError } from '../util/user-error.ts';
import { buildPlan } from './build-plan.ts';
import { courseFromHeading, termName } from './course-info.ts';
import { meetingTime } from './meeting-time.ts';
import { detectFormat } from './detect-format.ts';
import { inferYear, yearConflict } from './infer-year.ts';
import { firstYear, statedTerm } from './term-year.ts';
import { readDelimited } from './read-delimited.ts';
import { readHtml } from './read-html.ts';
import { readMarkdown } from './read-markdown.ts';
import { readText } from './read-text.ts';
import { resolveLinks } from './resolve-links.ts';
import { defaultDueTime } from './default-due-time.ts';
import { statedZone } from './stated-zone.ts';
import type { DateOrder } from './parse-date.ts';
import type { ReviewItem } from './review.ts';
import type { ImportFormat, TableRead } from './rows.ts';
import { firstTried, understandInOrder } from './understand-items.ts';
import { addProseExams } from './prose-exams.ts';
import { addListedReleases } from './listed-releases.ts';

export interface ImportOptions {
  /** Overrides format detection. */
  format?: ImportFormat;
  /** Overrides year inference. */
  year?: number;
  /** How numbers-only dates such as "3/4" are read; without it, month first, with a review line. */
  dateOrder?: DateOrder;
  /** The page's own address (the final URL when it was fetched): relative links are resolved against it. */
  baseUrl?: string;
  /** The year to search around when the page does not state one (the CLI passes the current year). */
  referenceYear: number;
  timezone?: string;
  code?: string;
  title?: string;
  term?: string;
}

export interface ImportResult {
  plan: PlanInput;
  review: ReviewItem[];
  year: number;
  /** Why that year: "given with --year", "Thanksgiving on Nov 27; classes on Tue and Thu". */
  yearReason: string;
  format: ImportFormat;
}

/** How much of the top of the page is searched for its term ("Fall 2025"): the title and preamble. */
const TERM_SEARCH = 4000;

const READERS: Record<ImportFormat, (text: string) => TableRead> = {
  text: readText,
  html: readHtml,
  markdown: readMarkdown,
  csv: (text) => readDelimited(text, ','),
  tsv: (text) => readDelimited(text, '\t'),
};

/** Reads a page into table items with the reader of its format. */
export function readPage(text: string, format: ImportFormat): TableRead {
  return READERS[format](text);
}

/**
 * Imports a course schedule page into a plan. Pure: the caller reads the file and passes the reference
 * year. Input that cannot be imported throws a UserError; everything imported with doubt is in `review`.
 */
export function importSchedule(text: string, options: ImportOptions): ImportResult {
  if (!text.trim()) throw new UserError('cannot import: the file is empty; pass the saved schedule page');
  if (options.baseUrl !== undefined && !/^https?:\/\/[^\s/]/i.test(options.baseUrl))
    throw new UserError(
      `the base URL "${options.baseUrl}" is not a web address: pass one such as https://example.edu/cs101/`,
    );
  const format = options.format ?? detectFormat(text);
  const read = readPage(text, format);
  const { meanings, review } = understandInOrder(read, format, options.dateOrder, options.referenceYear);
  if (meanings.length === 0) {
    throw new UserError(
      `cannot import: no schedule rows found in this ${format === 'text' ? 'text' : format.toUpperCase()} ` +
        '(no row starts with a date such as "Sep 2", "Class 1 (Sep 2)", "Tu Jan 25" or "9/2")\n' +
        `(lines tried first: ${firstTried(text, read)})`,
    );
  }

  const dated = meanings.map((m) => ({ date: m.date, isClass: m.noClass === undefined, text: m.text }));
  let year = options.year;
  let yearReason = 'given with --year';
  if (year === undefined) {
    const term = statedTerm(text.slice(0, TERM_SEARCH), options.baseUrl);
    const choice = inferYear(dated, options.referenceYear, {
      ...(term ? { term: { year: firstYear(term, meanings[0]!.date.month), where: term.where } } : {}),
    });
    if (!choice.ok) throw new UserError(choice.message);
    year = choice.year;
    yearReason = choice.reason;
    if (choice.doubt) review.push({ message: choice.doubt });
  } else {
    const conflict = yearConflict(dated, year);
    if (conflict) review.push({ message: conflict });
  }

  const lines = text.split(/\r?\n/);
  review.push(...addProseExams(meanings, lines, year));
  const firstRow = meanings.reduce((low, m) => Math.min(low, m.line), Infinity);
  const preamble = lines.slice(0, firstRow - 1).join('\n');
  review.push(...addListedReleases(meanings, preamble));
  const fromHeading = courseFromHeading(read.heading);
  const code = options.code ?? fromHeading.code;
  const title = options.title ?? fromHeading.title;
  if (!code)
    review.push({ message: 'no course code found on the page: used "COURSE"; pass --code "CS 101"' });
  if (!title) review.push({ message: 'no course title found on the page: used "Course"; pass --title "…"' });
  let timezone = options.timezone;
  if (timezone !== undefined && !isValidZone(timezone)) {
    throw new UserError(`unknown timezone "${timezone}": pass an IANA name such as America/New_York`);
  }
  const stated = timezone ? undefined : statedZone(text);
  if (stated) {
    timezone = stated.zone;
    review.push({
      line: stated.line,
      message: `timezone ${stated.zone} read from "${stated.words}" on the page; pass --timezone to set another`,
    });
  }
  if (!timezone) {
    timezone = 'UTC';
    review.push({
      message: 'no timezone given: used UTC; pass --timezone America/New_York (your campus zone)',
    });
  }
  const built = buildPlan({
    course: { code: code ?? 'COURSE', title: title ?? 'Course', timezone, term: options.term ?? 'Term' },
    meanings,
    year,
  });
  built.plan.course.term = options.term ?? termName(built.plan.sessions.map((s) => s.date)) ?? 'Term';
  const linkReview = resolveLinks(built.plan, options.baseUrl);
  const meeting = meetingTime(preamble);
  if (meeting) {
    built.plan.course.meeting = { start: meeting.start, end: meeting.end };
    review.push({
      line: meeting.line,
      message: `class meeting time ${meeting.start}–${meeting.end} read from "${meeting.words}": check it`,
    });
  }
  const due = defaultDueTime(preamble);
  const untimed = (built.plan.events ?? []).filter((e) => e.kind === 'deadline' && !e.time);
  if (due && untimed.length) {
    for (const event of untimed) event.time = due.time;
    review.push({
      line: due.line,
      message: `${untimed.length} deadline(s) without a time of their own were given ${due.time}, as the page says ("${due.words}")`,
    });
  }
  const ordered = [...review, ...built.review, ...linkReview].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { plan: built.plan, review: ordered, year, yearReason, format };
}
