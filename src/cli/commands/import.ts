import { existsSync, readFileSync } from 'node:fs';
import { isHeldClass } from '../../plan/calendar.ts';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { DateTime } from 'luxon';
import { fetchPage } from '../../fetch/fetch-page.ts';
import { readSettings } from '../../config/env.ts';
import { writeOutput } from '../../files/write-output.ts';
import { importSchedule } from '../../importer/import-schedule.ts';
import type { DateOrder } from '../../importer/parse-date.ts';
import { formatReviewItem } from '../../importer/review.ts';
import { importFormats, type ImportFormat } from '../../importer/rows.ts';
import { parsePlanValue } from '../../plan/parse-plan.ts';
import { formatProblem } from '../../plan/problems.ts';
import { UserError } from '../../util/user-error.ts';

interface ImportCliOptions {
  output?: string;
  format?: ImportFormat;
  year?: string;
  timezone?: string;
  code?: string;
  title?: string;
  term?: string;
  force?: boolean;
  baseUrl?: string;
  dateOrder?: DateOrder;
}

const isWebAddress = (source: string) => /^https?:\/\//i.test(source);

/** A page named by its address is fetched; its final URL (after redirects) resolves its relative links. */
async function fetchSource(
  address: string,
): Promise<{ text: string; baseUrl: string; format: ImportFormat }> {
  const page = await fetchPage(address);
  if (!page.ok) throw new UserError(page.message);
  return { text: page.text, baseUrl: page.finalUrl, format: page.format };
}

/** How review lines name a fetched page: its file name, else its host. */
function sourceName(address: string): string {
  const url = new URL(address);
  return url.pathname.split('/').filter(Boolean).at(-1) ?? url.hostname;
}

function readPage(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${file}: file not found`
        : `${file}: cannot read the file (${code ?? String(error)})`,
    );
  }
}

/** The year to search around: COURSEBOT_NOW's when set (demos, tests), else this year. */
function referenceYear(): number {
  const set = readSettings().now;
  const now = set ? DateTime.fromISO(set) : DateTime.now();
  return now.isValid ? now.year : DateTime.now().year;
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      "read a course's schedule page (saved page text, HTML, Markdown, CSV or TSV) and print a schedule.json; " +
        'what needs a look goes to stderr',
    )
    .argument('<file>', 'the schedule page: a saved file, or its http(s):// address')
    .option('-o, --output <file>', 'write the plan to a file instead of stdout')
    .addOption(
      new Option('--format <format>', 'the input format (default: told from the content)').choices(
        importFormats,
      ),
    )
    .option('--year <yyyy>', 'the year of the dates (default: told from holidays and weekdays on the page)')
    .option('--timezone <tz>', 'IANA timezone of the course, e.g. America/New_York (default: UTC)')
    .option('--code <code>', 'course code, e.g. "CS 599 E1" (default: from the page heading)')
    .option('--title <title>', 'course title (default: from the page heading)')
    .option('--term <term>', 'term name, e.g. "Fall 2025" (default: from the dates)')
    .option('--force', 'overwrite the --output file if it exists')
    .option('--base-url <url>', "the page's web address, against which its relative links are resolved")
    .addOption(
      new Option('--date-order <order>', 'how dates such as 3/4 are read: month or day first').choices([
        'mdy',
        'dmy',
      ]),
    )
    .addHelpText(
      'after',
      '\nExample:\n  coursebot import course-page.txt --timezone America/New_York -o schedule.json\n' +
        '\nCheck every line the review on stderr lists, fix the plan by hand, then run `coursebot validate`.',
    )
    .action(async (file: string, options: ImportCliOptions) => {
      const year = options.year === undefined ? undefined : Number(options.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1970 && year <= 2200)) {
        throw new UserError(`--year must be a year such as 2025 (got "${options.year}")`);
      }
      if (options.output && existsSync(options.output) && !options.force) {
        throw new UserError(
          `${options.output} already exists: pass --force to overwrite it (hand edits in it would be lost)`,
        );
      }
      const fetched = isWebAddress(file) ? await fetchSource(file) : undefined;
      const result = importSchedule(fetched?.text ?? readPage(file), {
        format: options.format ?? fetched?.format,
        year,
        referenceYear: referenceYear(),
        timezone: options.timezone,
        code: options.code,
        title: options.title,
        term: options.term,
        // --base-url wins; a fetched page's links resolve against where it was finally found.
        baseUrl: options.baseUrl ?? fetched?.baseUrl,
        dateOrder: options.dateOrder,
      });
      // Kept so the page can be read again later (the address as given: redirects are followed each time).
      if (fetched) result.plan.course.links = { ...result.plan.course.links, website: file };
      const checked = parsePlanValue(result.plan);
      const source = fetched ? sourceName(file) : basename(file);
      if (!checked.ok) {
        const lines = checked.errors.map((p) => formatProblem(p, 'imported plan'));
        throw new UserError(`cannot import ${source}: the result is not a valid plan:\n${lines.join('\n')}`);
      }
      const text = `${JSON.stringify(result.plan, null, 2)}\n`;
      if (options.output) writeOutput(options.output, text);
      else process.stdout.write(text);

      const { plan } = checked;
      const classes = plan.sessions.filter(isHeldClass).length;
      const daysOff = plan.sessions.length - classes;
      const report = [
        `Imported ${source} as ${result.format}: year ${result.year} (${result.yearReason}).`,
        `${plan.course.code}, ${plan.course.term}: ${classes} classes, ${daysOff} day(s) without class, ` +
          `${plan.events.length} events${options.output ? `, written to ${options.output}` : ''}.`,
      ];
      const items = [
        ...result.review.map((item) => formatReviewItem(item, source)),
        ...checked.warnings.map((p) => formatProblem(p, 'imported plan')),
      ];
      if (items.length) {
        report.push(`Please check ${items.length} item(s) the importer was unsure of:`);
        report.push(...items.map((line) => `  ${line}`));
      } else report.push('Nothing needs a look.');
      process.stderr.write(`${report.join('\n')}\n`);
    });
}
