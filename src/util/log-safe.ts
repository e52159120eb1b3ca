/** How much of a user's text a log line keeps: enough to recognise the request, never a megabyte. */
export const LOG_TEXT_LIMIT = 200;

/**
 * What a user typed, made safe for one log line: control characters (and the Unicode ones that break or
 * reorder a line: line and paragraph separators, bidirectional overrides) are written as escapes, `\` and `"`
 * are escaped so the text can be quoted, and text over `limit` characters is cut, with its length noted.
 * A log line is then always one line, of bounded length, that says what was typed.
 */
export function logSafe(text: string, limit = LOG_TEXT_LIMIT): string {
  // Only the start of a huge text is looked at: a 4 MB command costs no more to log than a short one.
  let escaped = '';
  let count = 0;
  let used = 0;
  for (const char of text.slice(0, 2 * limit + 2)) {
    if (count === limit) break;
    escaped += escapeChar(char);
    count += 1;
    used += char.length;
  }
  return used < text.length ? `${escaped}… (${text.length.toLocaleString('en-US')} characters)` : escaped;
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', '"': '\\"' };

/** C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides and isolates, BOM. */
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  if (!isUnsafe(code)) return char;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
