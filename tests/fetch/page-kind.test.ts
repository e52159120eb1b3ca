import { describe, expect, it } from 'vitest';
import { hasDate, notSchedule } from '../../src/fetch/page-kind.ts';

describe('hasDate', () => {
  it.each(['Sep 2', 'Wed. 15 Jan.', '2 September', '9/2', '8.27', '12-Jan', '2025-09-02 (Tue)', 'Mar 17–21'])(
    'sees a date in "%s"',
    (text) => expect(hasDate(`Class: ${text} lecture`)).toBe(true),
  );

  it('sees none in times, years, room numbers and prices', () => {
    expect(hasDate('Room 101 at 10:30am, © 2025 University, fee $250, call 555-1234')).toBe(false);
  });
});

describe('notSchedule', () => {
  const login = '<form><input name="u"><input type="password" name="p"><button>Continue</button></form>';

  it('tells a sign-in page by its password field or its words, when it has no dates', () => {
    expect(notSchedule(`<html><body>${login}</body></html>`, 'html')).toBe('login');
    expect(notSchedule('<h1>Log in with your campus ID</h1><p>Forgot it?</p>', 'html')).toBe('login');
    expect(notSchedule('Please sign in to view this course.', 'text')).toBe('login');
  });

  it('does not count dates in scripts, styles or tags, even when a script is never closed', () => {
    const hidden =
      '<style>.d::after { content: "Sep 2" }</style><SCRIPT>var t = "2025-09-02";</SCRIPT>' +
      `<div data-updated="9/2">${login}</div>`;
    expect(notSchedule(hidden, 'html')).toBe('login');
    expect(notSchedule(`${login}<script>var t = "Sep 2";`, 'html')).toBe('login');
  });

  it('passes a schedule that links to a sign-in page', () => {
    const page =
      '<p><a href="/sso">Sign in</a> for grades</p><table><tr><td>Sep 3</td><td>Intro</td></tr></table>';
    expect(notSchedule(page, 'html')).toBeUndefined();
  });

  it('calls a page without any date no schedule', () => {
    expect(notSchedule('<h1>Department of History</h1><p>Our people and programmes.</p>', 'html')).toBe(
      'no-dates',
    );
    expect(notSchedule('| Topic | Notes |\n| --- | --- |\n| Intro | none |\n', 'markdown')).toBe('no-dates');
  });

  it('reads long adversarial lines in one pass', () => {
    // Unclosed tags and scripts, and near-dates, 100 kB on a single line: these finish at once.
    expect(notSchedule('<script'.repeat(15_000), 'html')).toBe('no-dates');
    expect(notSchedule('<a '.repeat(35_000), 'html')).toBe('no-dates');
    expect(notSchedule('september '.repeat(10_000), 'text')).toBe('no-dates');
    expect(notSchedule('1 '.repeat(50_000), 'text')).toBe('no-dates');
  });
});
