/**
 * What Slack sends for a slash command and a button click, with test defaults for every field: the same
 * payloads feed the Socket Mode envelopes and the signed HTTP requests.
 */

/** A slash command's fields (bolt's SlashCommand), all strings as Slack sends them. */
export type SlashCommandFields = Record<string, string>;

export const DEFAULT_TEAM_ID = 'T0TEAM';
export const DEFAULT_USER_ID = 'U0STUDENT';
export const DEFAULT_CHANNEL_ID = 'C0CLASS';
export const DEFAULT_APP_ID = 'A0APP';

let triggerCounter = 0;
const nextTriggerId = () => `${++triggerCounter}.trigger`;

/** A `/schedule` command with `text`, overridable field by field. */
export function slashCommandPayload(
  overrides: Partial<SlashCommandFields> & { response_url: string },
): SlashCommandFields {
  return {
    token: 'verification-token-unused',
    team_id: DEFAULT_TEAM_ID,
    team_domain: 'fake-university',
    channel_id: DEFAULT_CHANNEL_ID,
    channel_name: 'cs599',
    user_id: DEFAULT_USER_ID,
    user_name: 'student',
    command: '/schedule',
    text: '',
    trigger_id: nextTriggerId(),
    api_app_id: DEFAULT_APP_ID,
    is_enterprise_install: 'false',
    ...overrides,
  };
}

/** One clicked button. */
export interface ClickedAction {
  action_id: string;
  block_id?: string;
  value?: string;
  type?: string;
}

export interface BlockActionsOptions {
  actions: ClickedAction[];
  response_url: string;
  userId?: string;
  channelId?: string;
  /** The message that carried the button, when it was one. */
  messageTs?: string;
  extra?: Record<string, unknown>;
}

/** A `block_actions` interaction payload (a button click) as Slack sends it. */
export function blockActionsPayload(o: BlockActionsOptions): Record<string, unknown> {
  const userId = o.userId ?? DEFAULT_USER_ID;
  const channelId = o.channelId ?? DEFAULT_CHANNEL_ID;
  const actionTs = `${Math.floor(Date.now() / 1000)}.000100`;
  return {
    type: 'block_actions',
    user: { id: userId, username: 'student', name: 'student', team_id: DEFAULT_TEAM_ID },
    api_app_id: DEFAULT_APP_ID,
    token: 'verification-token-unused',
    container: o.messageTs
      ? { type: 'message', message_ts: o.messageTs, channel_id: channelId, is_ephemeral: false }
      : { type: 'message', channel_id: channelId, is_ephemeral: true },
    trigger_id: nextTriggerId(),
    team: { id: DEFAULT_TEAM_ID, domain: 'fake-university' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'cs599' },
    ...(o.messageTs ? { message: { type: 'message', ts: o.messageTs, text: '' } } : {}),
    response_url: o.response_url,
    actions: o.actions.map((a) => ({
      type: a.type ?? 'button',
      action_id: a.action_id,
      block_id: a.block_id ?? 'actions',
      value: a.value,
      action_ts: actionTs,
      text: { type: 'plain_text', text: a.action_id },
    })),
    ...o.extra,
  };
}

export interface ViewSubmissionOptions {
  /** The modal as the app opened it (callback_id, private_metadata…). */
  view: Record<string, unknown>;
  /** `state.values`: block_id → action_id → the input's value, as Slack sends them. */
  values: Record<string, Record<string, Record<string, unknown>>>;
  userId?: string;
}

/** A `view_submission` interaction payload (a modal's submit button) as Slack sends it. */
export function viewSubmissionPayload(o: ViewSubmissionOptions): Record<string, unknown> {
  const userId = o.userId ?? DEFAULT_USER_ID;
  return {
    type: 'view_submission',
    team: { id: DEFAULT_TEAM_ID, domain: 'fake-university' },
    user: {
      id: userId,
      username: userId.toLowerCase(),
      name: userId.toLowerCase(),
      team_id: DEFAULT_TEAM_ID,
    },
    api_app_id: DEFAULT_APP_ID,
    token: 'verification-token-unused',
    trigger_id: nextTriggerId(),
    view: {
      id: 'VMODAL',
      team_id: DEFAULT_TEAM_ID,
      type: 'modal',
      private_metadata: '',
      hash: 'fake-hash',
      ...o.view,
      state: { values: o.values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A button clicked in a user's Home tab: the container is the view, and there is no channel. */
export function homeActionsExtra(userId: string = DEFAULT_USER_ID): Record<string, unknown> {
  return {
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', team_id: DEFAULT_TEAM_ID, private_metadata: '', callback_id: '' },
    channel: undefined,
    user: {
      id: userId,
      username: userId.toLowerCase(),
      name: userId.toLowerCase(),
      team_id: DEFAULT_TEAM_ID,
    },
  };
}
