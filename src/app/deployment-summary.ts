import type { DateTime } from 'luxon';
import type { StartReport } from '../delivery/dispatcher.ts';
import { derivePosts } from '../reminders/derive-posts.ts';
import type { RunningDeployment } from '../deployment/running-deployment.ts';
import { startupSummary } from './startup-summary.ts';

export interface DeploymentSummaryInput {
  deployment: RunningDeployment;
  now: DateTime;
  mode: string;
  databasePath: string;
  clockSetBy?: string;
  started: Map<string, StartReport>;
}

/**
 * Past this many courses the summary gives counts, not a block per course: each block derives the course's
 * next post far ahead, and a thousand of them held the bot (already listening) for seconds at the start.
 */
export const SUMMARY_COURSES = 10;

/**
 * What `coursebot start` says before it starts waiting. One course: exactly the summary a one-course bot
 * always printed. Several: the mode and database once, then each course with what it does now and its
 * next post; many: how many courses, and where each one's details are.
 */
export async function deploymentSummary(input: DeploymentSummaryInput): Promise<string[]> {
  const courses = input.deployment.courses();
  if (courses.length > SUMMARY_COURSES || courses.length === 0) return countsSummary(input);
  const summaries: string[][] = [];
  for (const course of courses) {
    const clockNote = input.started.get(course.id)?.clockNote;
    // Read once: the next post is looked for week by week, far ahead.
    const recorded = await course.ledger.keys();
    const summary = startupSummary({
      plan: course.plans.current(),
      now: input.now,
      mode: input.mode,
      databasePath: input.databasePath,
      derive: derivePosts,
      defaultChannel: course.homeChannel(),
      due: course.retiredAt() ? [] : await course.dispatcher.due(),
      clockSetBy: input.clockSetBy,
      notes: clockNote ? [clockNote] : [],
      recorded: (keys) => keys.every((key) => recorded.has(key)),
    });
    summaries.push(summary);
  }
  if (summaries.length === 1) return summaries[0]!;
  const shared = (line: string) =>
    line === input.mode || line.startsWith('Database: ') || line.startsWith('Clock: ');
  const lines = [`coursebot: ${courses.length} courses`, ...summaries[0]!.filter(shared)];
  summaries.forEach((summary, index) => {
    const course = courses[index]!;
    const [title = '', ...rest] = summary;
    const retired = course.retiredAt() ? ' (retired: posts nothing)' : '';
    lines.push(`${course.id}: ${title.replace(/^coursebot: /, '')}${retired}`);
    if (!retired) for (const line of rest.filter((l) => !shared(l))) lines.push(`  ${line}`);
  });
  return lines;
}

function countsSummary(input: DeploymentSummaryInput): string[] {
  const courses = input.deployment.courses();
  const retired = courses.filter((course) => course.retiredAt()).length;
  const lines = [
    `coursebot: ${courses.length === 0 ? 'no' : courses.length} courses${retired ? ` (${retired} retired: they post nothing)` : ''}`,
    input.mode,
    `Database: ${input.databasePath}`,
  ];
  if (input.clockSetBy)
    lines.push(
      `Clock: set to ${input.now.toFormat('ccc LLL d yyyy h:mm:ss a ZZZZ')} by ${input.clockSetBy}, running on from there`,
    );
  for (const note of new Set([...input.started.values()].flatMap((r) => (r.clockNote ? [r.clockNote] : []))))
    lines.push(note);
  lines.push(
    courses.length === 0
      ? 'No course yet: set one up in its Slack channel with /schedule setup URL (the course page), or add a plan file to the courses folder'
      : 'Each course, its channels, staff and next post: coursebot courses',
  );
  return lines;
}
