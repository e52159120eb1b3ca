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
export async function verifyBotToken(client: webApi.WebClient, apiUrl: string): Promise<BotIdentity> {
  try {
    const answer = await client.auth.test();
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

function errorText(error: unknown): string {
  if (error instanceof webApi.WebAPIRequestError) return error.original.message;
  return error instanceof Error ? error.message : String(error);
}
