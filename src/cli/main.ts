import { Command, CommanderError } from 'commander';
import { loadEnvFile } from '../config/load-env-file.ts';
import { UserError } from '../util/user-error.ts';
import { validateCommand } from './commands/validate.ts';
import { schemaCommand } from './commands/schema.ts';
import { importCommand } from './commands/import.ts';
import { previewCommand } from './commands/preview.ts';
import { askCommand } from './commands/ask.ts';
import { startCommand } from './commands/start.ts';
import { exportCommand } from './commands/export.ts';
import { historyCommand } from './commands/history.ts';
import { calendarCommand } from './commands/calendar.ts';

const program = new Command('coursebot')
  .description(
    "A Slack bot that runs a course's calendar: reminders, /schedule answers and instructor changes.",
  )
  .showHelpAfterError('(run `coursebot --help` for the list of commands)')
  .showSuggestionAfterError(true)
  .exitOverride();

for (const command of [
  validateCommand(),
  schemaCommand(),
  importCommand(),
  previewCommand(),
  askCommand(),
  startCommand(),
  exportCommand(),
  historyCommand(),
  calendarCommand(),
])
  program.addCommand(command);

try {
  // Settings come from the environment, and from ./.env when present (variables already set win).
  loadEnvFile();
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof UserError) {
    console.error(error.message);
    process.exitCode = error.exitCode;
  } else {
    // Unexpected: one line for the user, the stack only when asked for.
    console.error(`coursebot: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 2;
  }
}
