import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The crypto of a feed link, the same for either store (so a database copied from SQLite to PostgreSQL keeps
 * every link working). The store keeps a random nonce per course and the SHA-256 of the token, never the
 * token: the token is the HMAC of the nonce under a key the database does not hold (the bot's Slack token).
 */

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Tokens are 43 characters of base64url (256 bits); anything else is refused before any hashing. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh 256-bit nonce: rotating draws one, so the old link stops matching at once. */
export const newNonce = (): string => randomBytes(32).toString('base64url');

export const deriveToken = (key: string, courseId: string, nonce: string): string =>
  createHmac('sha256', key).update(`coursebot calendar feed\n${courseId}\n${nonce}`).digest('base64url');

/** What the store keeps of a token. */
export const tokenHash = (token: string): string => sha256(token).toString('hex');

/** Whether a presented token can be one at all: checked before the store is read, so a wrong one costs nothing. */
export const isTokenShaped = (presented: string): boolean => TOKEN_RE.test(presented);

/** Whether `presented` is the token whose hash is stored: compared by hash, in constant time. */
export function presentedMatches(presented: string, storedHash: string | undefined): boolean {
  if (!isTokenShaped(presented) || storedHash === undefined) return false;
  const stored = Buffer.from(storedHash, 'hex');
  if (stored.length !== 32) return false;
  return timingSafeEqual(sha256(presented), stored);
}
