/**
 * Requests as Slack sends them to an app in HTTP mode: form-encoded, signed with v0 HMAC-SHA256 over
 * `v0:{timestamp}:{body}`. The body is a string with the exact content type Bolt demands — fetch would
 * append `;charset=UTF-8` to a URLSearchParams body and Bolt would answer 400.
 */
import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.ts';
import {
  blockActionsPayload,
  slashCommandPayload,
  type BlockActionsOptions,
  type SlashCommandFields,
} from './payloads.ts';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export interface SignedRequestOptions {
  /** The app's endpoint, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  secret: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed `v0=…` signature (to test rejection). */
  signature?: string;
  /** Where a default response_url is minted; without it a placeholder that answers 404 is used. */
  fake?: FakeSlack;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers and body for a signed form request (for load generators that send it themselves). */
export function signForm(
  body: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
  sig?: string,
): SignedRequest {
  return {
    body,
    headers: {
      'content-type': FORM_CONTENT_TYPE,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sig ?? signature(secret, timestamp, body),
    },
  };
}

const placeholderResponseUrl = 'http://127.0.0.1:9/respond/none';

/** The form body of a slash command with test defaults (command `/schedule`, empty text). */
export function slashCommandBody(fields: Partial<SlashCommandFields>, fake?: FakeSlack): string {
  const response_url = fields.response_url ?? fake?.responseUrl() ?? placeholderResponseUrl;
  return new URLSearchParams(slashCommandPayload({ ...fields, response_url })).toString();
}

/** POSTs a signed slash command to an HTTP-mode app. */
export function signedSlashCommand(
  options: SignedRequestOptions & { fields?: Partial<SlashCommandFields> },
): Promise<Response> {
  const body = slashCommandBody(options.fields ?? {}, options.fake);
  return post(options, body);
}

/** POSTs a signed block_actions interaction (`payload=` JSON form field) to an HTTP-mode app. */
export function signedInteraction(
  options: SignedRequestOptions & Omit<BlockActionsOptions, 'response_url'> & { response_url?: string },
): Promise<Response> {
  const response_url = options.response_url ?? options.fake?.responseUrl() ?? placeholderResponseUrl;
  const payload = blockActionsPayload({ ...options, response_url });
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(options, body);
}

function post(options: SignedRequestOptions, body: string): Promise<Response> {
  const signed = signForm(body, options.secret, options.timestamp, options.signature);
  return fetch(options.url, { method: 'POST', headers: signed.headers, body: signed.body });
}
