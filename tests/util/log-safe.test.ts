// User text in a log line: one line, bounded, and still recognisable.
import { describe, expect, it } from 'vitest';
import { LOG_TEXT_LIMIT, logSafe } from '../../src/util/log-safe.ts';

describe('logSafe', () => {
  it('leaves ordinary text as it is', () => {
    expect(logSafe('cancel 14 snow day')).toBe('cancel 14 snow day');
    expect(logSafe('Café 🎓 — déjà vu')).toBe('Café 🎓 — déjà vu');
  });

  it('escapes control characters, line breaks and bidi overrides, and the quote that ends a quoted text', () => {
    expect(logSafe('next\nINFO fake line\r\t\u0007\u001b[31m')).toBe(
      'next\\nINFO fake line\\r\\t\\x07\\x1b[31m',
    );
    expect(logSafe('a\u2028b\u202ec\u0085d\u007f')).toBe('a\\u2028b\\u202ec\\x85d\\x7f');
    expect(logSafe('say "hi" \\ bye')).toBe('say \\"hi\\" \\\\ bye');
  });

  it('cuts a long text and notes how long it was', () => {
    const huge = 'x'.repeat(3_900_000);
    const line = logSafe(huge);
    expect(line).toBe(`${'x'.repeat(LOG_TEXT_LIMIT)}… (3,900,000 characters)`);
    expect(logSafe('y'.repeat(LOG_TEXT_LIMIT))).toBe('y'.repeat(LOG_TEXT_LIMIT));
  });

  it('never cuts a character in half', () => {
    const line = logSafe('🎓'.repeat(300), 10);
    expect(line).toBe(`${'🎓'.repeat(10)}… (600 characters)`);
  });
});
