import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { loadEnvFile } from '../config/load-env-file.ts';
import { UserError } from '../util/user-error.ts';

/**
 * Each command's module, loaded only when that command runs: `ask` or `validate` then never loads Bolt,
 * the database, the file watcher or the importer's parsers, which is most of a start-up's time and memory.
 * The order is the order of `coursebot --help`.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.ts')).validateCommand(),
  schema: async () => (await import('./commands/schema.ts')).schemaCommand(),
  import: async () => (await import('./commands/import.ts')).importCommand(),
  preview: async () => (await import('./commands/preview.ts')).previewCommand(),
  ask: async () => (await import('./commands/ask.ts')).askCommand(),
  start: async () => (await import('./commands/start.ts')).startCommand(),
  export: async () => (await import('./commands/export.ts')).exportCommand(),
  history: async () => (await import('./commands/history.ts')).historyCommand(),
  calendar: async () => (await import('./commands/calendar.ts')).calendarCommand(),
  courses: async () => (await import('./commands/courses.ts')).coursesCommand(),
  store: async () => (await import('./commands/store.ts')).storeCommand(),
};

/**
 * The commands to register for these arguments: the one named; none for --version alone; else all of them
 * (help, a mistyped name: commander then lists them or suggests the nearest). No top-level option takes a
 * value, so the first word not starting with "-" is the command's name.
 */
function commandsFor(args: readonly string[]): string[] {
  const named = args.find((arg) => !arg.startsWith('-'));
  if (named !== undefined && Object.hasOwn(COMMANDS, named)) return [named];
  if (named === undefined && args.some((arg) => arg === '-V' || arg === '--version')) return [];
  return Object.keys(COMMANDS);
}

/** package.json sits two folders up both from src/cli/ and from the compiled dist/cli/. */
function version(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

try {
  // Settings come from the environment, and from ./.env when present (variables already set win).
  loadEnvFile();
  const program = new Command('coursebot')
    .description(
      "A Slack bot that runs a course's calendar: reminders, /schedule answers and instructor changes.",
    )
    .version(version(), '-V, --version', 'print the version of coursebot')
    .showHelpAfterError('(run `coursebot --help` for the list of commands)')
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const name of commandsFor(process.argv.slice(2))) program.addCommand(await COMMANDS[name]!());
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
