/**
 * Reads and decodes a request body the way Slack does: JSON, or a form whose nested values (blocks,
 * metadata, view…) are JSON strings — which is how WebClient sends them.
 */
import type { IncomingMessage } from 'node:http';

const NESTED_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'payload', 'unfurls']);

export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Decoded parameters; a malformed JSON body yields `undefined` so the caller can answer invalid_json. */
export function decodeBody(
  raw: string,
  contentType: string | undefined,
): Record<string, unknown> | undefined {
  if (raw.trim() === '') return {};
  if ((contentType ?? '').includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = NESTED_FIELDS.has(key) ? parseNested(value) : value;
  }
  return params;
}

function parseNested(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The token of a call: the Bearer header (WebClient) or a `token` field (older clients). */
export function tokenOf(req: IncomingMessage, params: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof params.token === 'string' && params.token !== '' ? params.token : undefined;
}
