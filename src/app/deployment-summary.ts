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
 * What `coursebot start` says before it starts waiting. One course: exactly the summary a one-course bot
 * always printed. Several: the mode and database once, then each course with what it does now and its
 * next post.
 */
export function deploymentSummary(input: DeploymentSummaryInput): string[] {
  const courses = input.deployment.courses();
  const summaries = courses.map((course) => {
    const clockNote = input.started.get(course.id)?.clockNote;
    return startupSummary({
      plan: course.plans.current(),
      now: input.now,
      mode: input.mode,
      databasePath: input.databasePath,
      derive: derivePosts,
      defaultChannel: course.homeChannel(),
      due: course.retiredAt() ? [] : course.dispatcher.due(),
      clockSetBy: input.clockSetBy,
      notes: clockNote ? [clockNote] : [],
      recorded: (keys) => course.ledger.rows(keys).size === keys.length,
    });
  });
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
