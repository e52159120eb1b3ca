import { closest, distance } from 'fastest-levenshtein';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { UserError } from '../util/user-error.ts';

/**
 * The single source of truth for the environment. Every variable is documented in .env.example and the
 * README; a missing, malformed or contradictory one stops the start with one line naming it.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

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
      .optional(),
  ),
  COURSEBOT_SCHEDULE: optionalText.pipe(z.string().default('./schedule.json')),
  COURSEBOT_DB: optionalText.pipe(z.string().default('./data/coursebot.db')),
  COURSEBOT_CHANNEL: optionalText.pipe(
    z
      .string()
      .regex(/^(#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{2,})$/, 'must be a channel ID (C…) or a name such as #cs599')
      .optional(),
  ),
  COURSEBOT_NOW: optionalText.pipe(
    z
      .string()
      .refine(
        (v) => DateTime.fromISO(v, { setZone: true }).isValid,
        'must be an ISO-8601 instant such as 2025-10-21T07:59:30-04:00',
      )
      .optional(),
  ),
  COURSEBOT_INSTRUCTORS: optionalText.pipe(
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

export interface Config {
  schedulePath: string;
  databasePath: string;
  defaultChannel?: string;
  /**
   * The instant the clock starts at, when set (demos and tests), as written: without an offset it is read in
   * the course's timezone, known only once the plan is loaded (see parseInstant).
   */
  now?: string;
  instructors: string[];
  logLevel: Env['LOG_LEVEL'];
  /** Where students reach the bot's HTTP listener (calendar feed links); no links without it. */
  publicUrl?: string;
  /** Absent: console mode, reminders printed to the terminal. */
  slack?: SlackSettings;
}

const HINT = 'see .env.example';

/** Reads the configuration from the environment, or throws a UserError naming the variable and the fix. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // One line per variable, even when several of its items are wrong (a list of user IDs).
    const lines = [...new Set(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message} (${HINT})`))];
    throw new UserError(
      lines.length === 1 ? `Configuration error: ${lines[0]}` : `Configuration errors:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  const base: Config = {
    schedulePath: e.COURSEBOT_SCHEDULE,
    databasePath: e.COURSEBOT_DB,
    defaultChannel: e.COURSEBOT_CHANNEL,
    now: e.COURSEBOT_NOW,
    instructors: e.COURSEBOT_INSTRUCTORS,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.COURSEBOT_PUBLIC_URL,
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
      const guess = closest(name, known);
      const near = distance(name, guess) <= 3;
      // Other tools use SLACK_* variables too: only a near miss of ours is worth a word.
      if (!near && name.startsWith('SLACK_')) return [];
      const hint = near ? `did you mean ${guess}?` : 'it is not a coursebot setting';
      return [`${name} is set but unknown: ${hint} (see .env.example)`];
    });
}
