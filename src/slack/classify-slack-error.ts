import { webApi } from '@slack/bolt';
import type { SendResult } from '../delivery/sink.ts';

export type SendFailure = Extract<SendResult, { ok: false }>;

const REAUTH = 'copy the Bot User OAuth Token again from OAuth & Permissions into SLACK_BOT_TOKEN';
const BUG = 'coursebot built a message Slack refuses: please report it with the reminder keys';

/** Slack errors no retry can cure, each with what the user does about it (`label` is the channel). */
const PERMANENT: Record<string, (label: string) => string> = {
  channel_not_found: (c) =>
    `no channel ${c} visible to the bot: fix reminders.channels in schedule.json or COURSEBOT_CHANNEL (a channel ID C… or its exact name)`,
  not_in_channel: (c) => `coursebot is not in ${c}: type /invite @coursebot in ${c}`,
  is_archived: (c) => `${c} is archived: unarchive it or point reminders.channels at another channel`,
  invalid_auth: () => REAUTH,
  not_authed: () => REAUTH,
  account_inactive: () => REAUTH,
  token_revoked: () => `the app was uninstalled or its token revoked: reinstall it, then ${REAUTH}`,
  token_expired: () => REAUTH,
  missing_scope: () =>
    'the app lacks a permission: add the scopes in manifest.json under OAuth & Permissions and reinstall the app',
  restricted_action: (c) => `posting in ${c} is restricted: ask a workspace admin to let the app post there`,
  restricted_action_read_only_channel: (c) =>
    `${c} is read-only: choose another channel or ask an admin to allow posts`,
  msg_too_long: () => BUG,
  msg_blocks_too_long: () => BUG,
  invalid_blocks: () => BUG,
  no_text: () => BUG,
  invalid_metadata_format: () => BUG,
  invalid_metadata_schema: () => BUG,
  metadata_too_large: () => BUG,
  ekm_access_denied: () => 'the workspace denies the app access (EKM): ask a workspace admin',
  team_access_not_granted: () => 'the app is not granted access to this workspace: ask a workspace admin',
};

export const isPermanentSlackError = (code: string): boolean => code in PERMANENT;

/**
 * Turns a failed Web API call into a send result. Only codes known to be final are permanent; anything
 * else (5xx, network, timeouts, internal_error, unknown codes) is transient, so the post is retried later
 * rather than lost.
 */
export function classifySlackError(error: unknown, channelLabel: string): SendFailure {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: error.retryAfter * 1000 };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const needed = (error.data as { needed?: string }).needed;
    return codeFailure(error.data.error, channelLabel, needed ? ` (needs ${needed})` : '');
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return { ok: false, permanent: false, reason: `http_${error.statusCode}` };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return { ok: false, permanent: false, reason: `network: ${error.original.message}` };
  }
  return { ok: false, permanent: false, reason: error instanceof Error ? error.message : String(error) };
}

/** The failure for one of Slack's error codes, whether Slack answered it or the bot knew it in advance. */
export function codeFailure(code: string, channelLabel: string, detail = ''): SendFailure {
  const fix = PERMANENT[code];
  return fix
    ? { ok: false, permanent: true, reason: code + detail, fix: fix(channelLabel) }
    : { ok: false, permanent: false, reason: code + detail };
}
