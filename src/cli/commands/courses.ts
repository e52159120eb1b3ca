import { Command } from 'commander';
import { DateTime } from 'luxon';
import { knownCourses, revisedPlanIn } from '../../app/load-effective-plan.ts';
import { withCliStore } from '../../app/open-cli-store.ts';
import { readSettings } from '../../config/env.ts';
import { courseChannels } from '../../deployment/course-channels.ts';
import type { CourseSpec } from '../../deployment/course-spec.ts';
import { courseStaff } from '../../deployment/course-staff.ts';
import type { Plan } from '../../plan/schema.ts';
import type { SqlStore } from '../../storage/sql/sql-store.ts';
import { termOf } from '../../plan/term.ts';
import { derivePosts } from '../../reminders/derive-posts.ts';
import { parseInstant } from '../../util/parse-instant.ts';

/** What the database adds to a course: its staff added from Slack, its retirement, what was already posted. */
interface Stored {
  staff: string[];
  retiredAt?: string;
  recorded: (keys: string[]) => boolean;
}

export function coursesCommand(): Command {
  return new Command('courses')
    .description('list every course of the deployment: id, channels, staff, term, source and next post')
    .option(
      '--schedule <file>',
      'the plan of a one-course deployment (COURSEBOT_SCHEDULE, default ./schedule.json)',
    )
    .option('--db <file>', 'the database (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--now <iso>', 'the next post after this time instead of now')
    .addHelpText('after', '\nExample:\n  COURSEBOT_COURSES=./courses coursebot courses')
    .action(async (options: { schedule?: string; db?: string; now?: string }) => {
      const settings = readSettings(options);
      const courses = await knownCourses(settings);
      // Read while the store is open: the lines are printed after it is closed.
      const lines = await withCliStore(settings, async (store) => {
        const stored = store ? await readStored(store, courses) : new Map<string, Stored>();
        const described: string[] = [];
        for (const course of courses) {
          const plan = (await revisedPlanIn(store, course.plan, { warn: () => {} }, course.id)).current();
          const now = settings.now
            ? parseInstant(settings.now, plan.course.timezone, settings.nowSource)
            : DateTime.now();
          const extra = stored.get(course.id);
          described.push(describeCourse(course, plan, now, settings.admins, extra).join('\n'));
        }
        return described;
      });
      for (const line of lines) console.log(line);
    });
}

function describeCourse(
  course: CourseSpec,
  plan: Plan,
  now: DateTime,
  admins: string[],
  stored?: Stored,
): string[] {
  const channels = courseChannels(plan, course.home);
  const staff = courseStaff(course.configuredStaff, plan, stored?.staff ?? []);
  const term = termOf(plan);
  const source =
    course.source.kind === 'file'
      ? `file ${course.source.path}`
      : `Slack${course.source.url ? ` (${course.source.url})` : ''}`;
  const next = stored?.retiredAt
    ? `retired ${stored.retiredAt.slice(0, 10)}: posts nothing`
    : nextPost(plan, course.home, now, stored?.recorded);
  return [
    `${course.id}: ${plan.course.code} ${plan.course.title}, ${plan.course.term}${term ? ` (${term.start} – ${term.end})` : ''}`,
    `  channels: ${channels.join(', ')}`,
    `  staff: ${staff.length > 0 ? staff.join(', ') : 'none'}${admins.length > 0 ? ` (and the admins ${admins.join(', ')})` : ''}`,
    `  source: ${source}`,
    `  next post: ${next}`,
  ];
}

/** The first post after `now` not yet recorded, looked for week by week to the end of the term. */
function nextPost(
  plan: Plan,
  channel: string,
  now: DateTime,
  recorded?: (keys: string[]) => boolean,
): string {
  const term = termOf(plan);
  if (!term) return 'none (no sessions or events)';
  const end = DateTime.fromISO(term.end, { zone: plan.course.timezone }).plus({ days: 2 });
  for (let from = now; from < end; from = from.plus({ weeks: 1 })) {
    const to = DateTime.min(from.plus({ weeks: 1 }), end);
    const post = derivePosts(plan, { from, to }, { defaultChannel: channel }).find(
      (p) => DateTime.fromISO(p.at) > now && !recorded?.(p.reminders.map((r) => r.key)),
    );
    if (post) {
      const at = DateTime.fromISO(post.at, { setZone: true }).setLocale('en-US');
      return `${at.toFormat('ccc LLL d yyyy h:mm a')} to ${post.channel}`;
    }
  }
  return 'none this term';
}

async function readStored(store: SqlStore, courses: CourseSpec[]): Promise<Map<string, Stored>> {
  const found = new Map<string, Stored>();
  const { SqlCourseStore } = await import('../../storage/sql/tables/sql-courses.ts');
  const { SqlLedger } = await import('../../storage/sql/tables/sql-ledger.ts');
  const courseStore = new SqlCourseStore(store);
  // Reading takes no lease: the ledger is only asked which rows it holds.
  const lease = { holder: 'coursebot courses', leaseMs: 0, wallNow: () => Date.now() };
  for (const course of courses) {
    const ledger = new SqlLedger(store, lease, course.id);
    const retiredAt = (await courseStore.get(course.id))?.retiredAt;
    const rows = await ledger.keys();
    found.set(course.id, {
      staff: (await courseStore.staff(course.id)).map((s) => s.userId),
      ...(retiredAt ? { retiredAt } : {}),
      recorded: (keys) => keys.every((k) => rows.has(k)),
    });
  }
  return found;
}
