/**
 * What the benchmark passes to each app under test (through the child's environment), and what a started
 * app gives back.
 */

export interface ServerSettings {
  apiUrl: string;
  port: number;
  botToken: string;
  signingSecret: string;
  botId: string;
  botUserId: string;
  /** The plan coursebot answers from. */
  schedulePath: string;
  /** The fixed instant coursebot's clock reads (ISO with offset). */
  now: string;
}

export interface RunningApp {
  stop(): Promise<unknown>;
}

export const BENCH_SECRET = 'bench-signing-secret';

const ENV_PREFIX = 'BENCH_';

export function settingsToEnv(s: ServerSettings): Record<string, string> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [`${ENV_PREFIX}${k}`, String(v)]));
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): ServerSettings {
  const get = (key: keyof ServerSettings): string => {
    const value = env[`${ENV_PREFIX}${key}`];
    if (value === undefined)
      throw new Error(`${ENV_PREFIX}${key} is not set: start this file from bench/slash-latency.ts`);
    return value;
  };
  return {
    apiUrl: get('apiUrl'),
    port: Number(get('port')),
    botToken: get('botToken'),
    signingSecret: get('signingSecret'),
    botId: get('botId'),
    botUserId: get('botUserId'),
    schedulePath: get('schedulePath'),
    now: get('now'),
  };
}
