import { closest, distance } from 'fastest-levenshtein';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { databaseTargetOf, type DatabaseSettings } from '../storage/sql/database-target.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';
import { UserError } from '../util/user-error.ts';

/**
 * The single source of truth for the environment. Every variable is documented in .env.example and the
 * README; a missing, malformed or contradictory one stops the start with one line naming it.
 */
export const DEFAULT_SCHEDULE_PATH = './schedule.json';
export const DEFAULT_DATABASE_PATH = './data/coursebot.db';
/** A run on a demo clock keeps its own ledger, so it never marks a real post as sent. */
export const DEMO_DATABASE_PATH = './data/coursebot-demo.db';
/** The one default of the slash command: the help's and the staff's hints name the same. */
export const DEFAULT_COMMAND = DEFAULT_PREFIX;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Slack user IDs, comma-separated. */
const userIdList = optionalText.pipe(
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[UW][A-Z0-9]{2,}$/, 'must list Slack user IDs such as U012ABCDEF, comma-separated'),
      ),
    )
    .default([]),
);

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_MODE: optionalText.pipe(z.enum(['socket', 'http'], 'must be "socket" or "http"').optional()),
  SLACK_API_URL: optionalText.pipe(z.url('must be a URL such as https://slack.com/api/').optional()),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number such as 3000')
      .transform(Number)
      // Caught here, not by the HTTP server's own check ("options.port should be >= 0 …").
      // 0 asks the system for a free port (tests do).
      .refine((port) => port <= 65535, 'must be a port number up to 65535, such as 3000')
      .optional(),
  ),
  // Without a default here: whether one was given decides the demo database (see databasePathOf).
  COURSEBOT_SCHEDULE: optionalText,
  COURSEBOT_DB: optionalText,
  // postgres://… puts the store in PostgreSQL (checked when opened: see databaseTargetOf).
  DATABASE_URL: optionalText,
  // How long a claimed post's send may take before another instance takes it over (after looking it up at
  // Slack). Longer than any send and than the machines' clock drift; tests shorten it to see a takeover.
  COURSEBOT_SEND_LEASE_SECONDS: optionalText.pipe(
    z
      .string()
      .regex(/^[1-9]\d{0,4}$/, 'must be a whole number of seconds such as 60')
      .transform(Number)
      .optional(),
  ),
  COURSEBOT_CHANNEL: optionalText.pipe(
    z
      .string()
      // "cs599" is the name without its "#": in a .env file an unquoted # starts a comment.
      .transform((v) => (/^[a-z0-9_-]{1,80}$/.test(v) && !/^[CG][A-Z0-9]{2,}$/.test(v) ? `#${v}` : v))
      .pipe(
        z
          .string()
          .regex(
            /^(#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{2,})$/,
            'must be a channel ID (C…) or a name such as cs599 or "#cs599"',
          ),
      )
      .optional(),
  ),
  // The slash command as the Slack app's manifest names it (another app may own /schedule).
  COURSEBOT_COMMAND: optionalText.pipe(
    z
      .string()
      .transform((v) => (v.startsWith('/') ? v : `/${v}`))
      .pipe(z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /schedule'))
      .default(DEFAULT_COMMAND),
  ),
  COURSEBOT_NOW: optionalText.pipe(
    z
      .string()
      .refine(
        (v) => DateTime.fromISO(v, { setZone: true }).isValid,
        // The same words as parseInstant's, which reads the value once the plan's timezone is known.
        "is not an ISO-8601 time: write it like 2025-10-13T18:00-04:00 (or 2025-10-13T18:00 in the course's timezone)",
      )
      .optional(),
  ),
  COURSEBOT_INSTRUCTORS: userIdList,
  // One plan file per course in this folder: a deployment of many courses.
  COURSEBOT_COURSES: optionalText,
  // Deployment admins: may set up and retire courses anywhere, and are staff of every course.
  COURSEBOT_ADMINS: userIdList,
  COURSEBOT_OPEN_SETUP: optionalText.pipe(
    z
      .enum(['true', 'false'], 'must be true or false')
      .transform((v) => v === 'true')
      .default(false),
  ),
  COURSEBOT_PUBLIC_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be the http(s) address students reach the bot at' })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(
    z.enum(['debug', 'info', 'warn', 'error'], 'must be debug, info, warn or error').default('info'),
  ),
});

type Env = z.infer<typeof envSchema>;

export type SlackSettings =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string; port?: number }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl?: string };

/** What a command line may give instead of the environment: it wins, and errors name the flag. */
export interface Flags {
  schedule?: string;
  db?: string;
  now?: string;
}

/** The settings every command reads: where the plan and the database are, the clock, the channel. */
export interface Settings {
  schedulePath: string;
  /** COURSEBOT_INSTRUCTORS: the staff of today's one course. */
  instructors: string[];
  /** COURSEBOT_ADMINS: may set up and retire anywhere, and are staff of every course. */
  admins: string[];
  /** COURSEBOT_COURSES: a folder with one plan file per course, instead of the one schedule.json. */
  coursesPath?: string;
  databasePath: string;
  /** DATABASE_URL: the store is this PostgreSQL database instead of the SQLite file at databasePath. */
  databaseUrl?: string;
  /** The database was chosen because the clock is set (COURSEBOT_NOW / --now) and no database was named. */
  demoDatabase: boolean;
  defaultChannel?: string;
  /**
   * The instant the clock starts at, when set (demos and tests), as written: without an offset it is read in
   * the course's timezone, known only once the plan is loaded (see parseInstant).
   */
  now?: string;
  /** Where `now` came from, for messages about it: "--now" or "COURSEBOT_NOW". */
  nowSource: string;
  /** The slash command the app answers, e.g. /schedule. */
  command: string;
}

export interface Config extends Settings {
  /** COURSEBOT_OPEN_SETUP: anyone may set up a course in a channel that has none. */
  openSetup: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** Where students reach the bot's HTTP listener (calendar feed links); no links without it. */
  publicUrl?: string;
  /** COURSEBOT_SEND_LEASE_SECONDS, in ms: the send lease of a claimed post (see SEND_LEASE_MS). */
  sendLeaseMs?: number;
  /** Absent: console mode, reminders printed to the terminal. */
  slack?: SlackSettings;
}

const HINT = 'see .env.example';

const FLAG_OF: Record<keyof Flags, keyof Env> = {
  schedule: 'COURSEBOT_SCHEDULE',
  db: 'COURSEBOT_DB',
  now: 'COURSEBOT_NOW',
};

/** The environment with the flags given laid over it, and which variable each flag stands for. */
function withFlags(env: NodeJS.ProcessEnv, flags: Flags) {
  const merged: NodeJS.ProcessEnv = { ...env };
  const flagNames = new Map<string, string>();
  for (const [flag, name] of Object.entries(FLAG_OF) as [keyof Flags, keyof Env][]) {
    const value = flags[flag];
    if (value === undefined) continue;
    merged[name] = value;
    flagNames.set(name, `--${flag}`);
  }
  return { merged, flagNames };
}

function parseEnv(env: NodeJS.ProcessEnv, flags: Flags): { env: Env; flagNames: Map<string, string> } {
  const { merged, flagNames } = withFlags(env, flags);
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    // One line per variable, even when several of its items are wrong (a list of user IDs). A value typed as
    // a flag is reported under the flag's name: the user never wrote the variable.
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const lines = names.map((name) => {
      const message = parsed.error.issues.find((i) => String(i.path[0]) === name)!.message;
      const flag = flagNames.get(name);
      return flag ? `${flag} "${merged[name]}" ${message}` : `${name} ${message} (${HINT})`;
    });
    if (lines.length === 1 && flagNames.has(names[0]!)) throw new UserError(lines[0]!);
    throw new UserError(
      lines.length === 1 ? `Configuration error: ${lines[0]}` : `Configuration errors:\n${lines.join('\n')}`,
    );
  }
  return { env: parsed.data, flagNames };
}

/**
 * `run` is the bot itself (`start`): on a demo clock with no database named it keeps its own, since its
 * ledger would otherwise mark real posts as sent. Commands that only read the plan's recorded changes read
 * the real database whatever the clock.
 */
function settingsOf(e: Env, flagNames: Map<string, string>, run: boolean): Settings {
  // DATABASE_URL names a database as COURSEBOT_DB does: a demo clock then uses it as told.
  const demoDatabase =
    run && e.COURSEBOT_NOW !== undefined && e.COURSEBOT_DB === undefined && e.DATABASE_URL === undefined;
  return {
    schedulePath: e.COURSEBOT_SCHEDULE ?? DEFAULT_SCHEDULE_PATH,
    ...(e.COURSEBOT_COURSES === undefined ? {} : { coursesPath: e.COURSEBOT_COURSES }),
    databasePath: e.COURSEBOT_DB ?? (demoDatabase ? DEMO_DATABASE_PATH : DEFAULT_DATABASE_PATH),
    ...(e.DATABASE_URL === undefined ? {} : { databaseUrl: e.DATABASE_URL }),
    demoDatabase,
    defaultChannel: e.COURSEBOT_CHANNEL,
    now: e.COURSEBOT_NOW,
    nowSource: flagNames.get('COURSEBOT_NOW') ?? 'COURSEBOT_NOW',
    command: e.COURSEBOT_COMMAND,
    instructors: e.COURSEBOT_INSTRUCTORS,
    admins: e.COURSEBOT_ADMINS,
  };
}

/**
 * The settings of a command that only reads (ask, preview, validate, export, history): the same variables
 * and defaults as `start`, without requiring the Slack ones to be complete, and always the real database.
 */
export function readSettings(flags: Flags = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const { env: e, flagNames } = parseEnv(env, flags);
  return settingsOf(e, flagNames, false);
}

/** The database as the start summary names it, saying why when the demo clock chose it. */
export function describeDatabase(
  settings: Pick<Settings, 'databasePath' | 'demoDatabase' | 'databaseUrl'>,
): string {
  if (settings.databaseUrl) return `PostgreSQL ${databaseTargetOf(settingsForStore(settings)).shown}`;
  return settings.demoDatabase
    ? `${settings.databasePath} (the clock is set, so a demo database: the real one is untouched; set COURSEBOT_DB to choose)`
    : settings.databasePath;
}

/** Where the store is, as openSql reads it. */
export function settingsForStore(settings: Pick<Settings, 'databasePath' | 'databaseUrl'>): DatabaseSettings {
  return {
    sqlitePath: settings.databasePath,
    ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
  };
}

/** Reads the configuration from the environment, or throws a UserError naming the variable and the fix. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env, flags: Flags = {}): Config {
  const { env: e, flagNames } = parseEnv(env, flags);
  const base: Config = {
    ...settingsOf(e, flagNames, true),
    openSetup: e.COURSEBOT_OPEN_SETUP,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.COURSEBOT_PUBLIC_URL,
    ...(e.COURSEBOT_SEND_LEASE_SECONDS === undefined
      ? {}
      : { sendLeaseMs: e.COURSEBOT_SEND_LEASE_SECONDS * 1000 }),
  };
  const anySlack = e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_MODE;
  if (!anySlack) return base;
  const fail = (message: string) => {
    throw new UserError(`Configuration error: ${message} (${HINT})`);
  };
  if (!e.SLACK_BOT_TOKEN)
    return fail('SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from your Slack app');
  const mode = e.SLACK_MODE ?? 'socket';
  if (mode === 'socket') {
    if (!e.SLACK_APP_TOKEN) {
      return fail(
        'SLACK_APP_TOKEN is missing: Socket Mode needs an app-level token (xapp-…) with connections:write, or set SLACK_MODE=http',
      );
    }
    return {
      ...base,
      slack: {
        mode,
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
        port: e.PORT,
      },
    };
  }
  if (!e.SLACK_SIGNING_SECRET) {
    return fail(
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs the app's Signing Secret (Basic Information page)",
    );
  }
  return {
    ...base,
    slack: {
      mode,
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      port: e.PORT ?? 3000,
      apiUrl: e.SLACK_API_URL,
    },
  };
}

/** Tokens and secrets never reach a log line: this is the only view of the config that may be logged. */
export function describeConfig(config: Config): string {
  const mode = config.slack
    ? `Slack (${config.slack.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.slack.port}`})`
    : 'console';
  return `mode ${mode}, plan ${config.schedulePath}, database ${config.databasePath}`;
}

/**
 * Variables that look like settings but are none, with the one probably meant: a typo such as
 * COURSEBOT_INSTRUCTOR would otherwise be ignored without a word (and every staff command refused).
 */
export function unknownSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  const known = Object.keys(envSchema.shape);
  return Object.keys(env)
    .filter((name) => /^(COURSEBOT|SLACK)_/.test(name) && !known.includes(name))
    .flatMap((name) => {
      const guess = likelyMeant(name, known);
      // Other tools use SLACK_* variables too: only a near miss of ours is worth a word.
      if (!guess && name.startsWith('SLACK_')) return [];
      const hint = guess ? `did you mean ${guess}?` : 'it is not a coursebot setting';
      return [`${name} is set but unknown: ${hint} (see .env.example)`];
    });
}

/**
 * The setting a misspelt name most likely stands for. A name with a word left out (the bot token's name
 * without its BOT) is a closer miss than one of the same length with other letters (SLACK_MODE), although
 * the edit distance says the opposite: names containing every word of it, in order, are looked at first.
 */
function likelyMeant(name: string, known: string[]): string | undefined {
  const words = name.split('_');
  const containing = known.filter((k) => {
    const theirs = k.split('_');
    let at = 0;
    for (const word of words) {
      const found = theirs.findIndex((w, i) => i >= at && w === word);
      if (found < 0) return false;
      at = found + 1;
    }
    return true;
  });
  const candidates = containing.length > 0 ? containing : known;
  const guess = closest(name, candidates);
  return containing.length > 0 || distance(name, guess) <= 3 ? guess : undefined;
}
