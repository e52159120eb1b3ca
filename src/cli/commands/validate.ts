import { Command } from 'commander';
import { isHeldClass } from '../../plan/calendar.ts';
import { readPlanFile, schedulePath } from '../../files/plan-file.ts';
import { formatProblem } from '../../plan/problems.ts';

export function validateCommand(): Command {
  return new Command('validate')
    .description('check a schedule.json: prints every problem; exits 0 when valid, 1 when not')
    .argument('[file]', 'the plan to check (default: --schedule, COURSEBOT_SCHEDULE or ./schedule.json)')
    .option('--schedule <file>', 'the plan to check')
    .addHelpText('after', '\nExample:\n  coursebot validate schedule.json')
    .action((file: string | undefined, options: { schedule?: string }) => {
      const path = file ?? schedulePath(options.schedule);
      const result = readPlanFile(path);
      const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
      for (const problem of problems) console.log(formatProblem(problem, path));
      if (result.ok) {
        const { plan } = result;
        const classes = plan.sessions.filter(isHeldClass).length;
        console.log(
          `${path}: valid: ${plan.course.code}, ${plan.course.term}: ${classes} classes, ${plan.events.length} events` +
            (result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''),
        );
      } else {
        console.log(`${path}: invalid: ${result.errors.length} error(s)`);
        process.exitCode = 1;
      }
    });
}
