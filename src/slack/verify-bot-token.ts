import { webApi } from '@slack/bolt';
import { UserError } from '../util/user-error.ts';

export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId?: string;
  team?: string;
}

/**
 * Asks Slack who the bot token belongs to (auth.test) before anything else starts, so a wrong or revoked
 * token stops the start with one line saying what to do instead of failing later, post by post.
 */
export async function verifyBotToken(
  client: webApi.WebClient,
  apiUrl: string,
  retry: StartRetry = {},
): Promise<BotIdentity> {
  try {
    const answer = await withStartRetries(() => client.auth.test(), retry);
    if (!answer.bot_id || !answer.user_id) {
      throw new UserError(
        'SLACK_BOT_TOKEN is not a bot token: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
      );
    }
    return { botId: answer.bot_id, botUserId: answer.user_id, teamId: answer.team_id, team: answer.team };
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof webApi.WebAPIPlatformError) {
      throw new UserError(
        `Slack rejected SLACK_BOT_TOKEN (${error.data.error}): copy the Bot User OAuth Token again from OAuth & Permissions`,
      );
    }
    const why = error instanceof webApi.WebAPIHTTPError ? `HTTP ${error.statusCode}` : errorText(error);
    throw new UserError(
      `Cannot reach Slack at ${apiUrl} (${why}): check the network${apiUrl === DEFAULT_API_URL ? '' : ' and SLACK_API_URL'}`,
    );
  }
}

export const DEFAULT_API_URL = 'https://slack.com/api/';

export interface StartRetry {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** The wait before the n-th retry, without a Retry-After (doubled each time). */
  firstDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the start fails instead of hanging. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A 429, a 5xx or a dropped connection at the start is often one bad moment: tried again a few times
 * (at the Retry-After when Slack gives one), bounded, before the start gives up. A platform error (a bad
 * token) is an answer, and is not retried.
 */
async function withStartRetries<T>(call: () => Promise<T>, retry: StartRetry): Promise<T> {
  const { attempts = 3, firstDelayMs = 500, maxWaitMs = 30_000 } = retry;
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait =
        error instanceof webApi.WebAPIRateLimitedError
          ? error.retryAfter * 1000
          : transient(error)
            ? firstDelayMs * 2 ** (attempt - 1)
            : undefined;
      if (wait === undefined || attempt >= attempts || wait > maxWaitMs) throw error;
      await sleep(wait);
    }
  }
}

const transient = (error: unknown): boolean =>
  (error instanceof webApi.WebAPIHTTPError && error.statusCode >= 500) ||
  error instanceof webApi.WebAPIRequestError;

function errorText(error: unknown): string {
  if (error instanceof webApi.WebAPIRequestError) return error.original.message;
  return error instanceof Error ? error.message : String(error);
}
