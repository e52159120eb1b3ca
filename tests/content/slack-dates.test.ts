// Dates as a reader far from the course sees them: a calendar date (a holiday, a deadline without a time)
// is the course's date for everyone, as plain text; a moment (a deadline at 11:59 PM) is a Slack date token
// that each reader's Slack shows in their own zone, so it must carry the right instant.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/content/render-slack.ts';
import type { Content } from '../../src/content/content.ts';
import { ask } from '../../src/queries/ask.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { days, fixtureInput, planOf } from '../reminders/load-plan.ts';

// A student in Singapore (UTC+8, no DST), 12 or 13 hours ahead of New York.
const READER_ZONE = 'Asia/Singapore';

const input = fixtureInput();
input.events!.find((e) => e.id === 'project-progress-report-due')!.time = '23:59';
const plan = planOf(input);

function mrkdwnOf(content: Content): string {
  const { blocks } = renderSlack(content);
  return blocks
    .map((b) =>
      b.type === 'section'
        ? b.text.text
        : b.type === 'context'
          ? b.elements.map((e) => e.text).join('\n')
          : '',
    )
    .join('\n');
}

/** Every Slack date token in the text: its instant as the reader's Slack would see it, and its fallback. */
function tokens(mrkdwn: string): { seen: string; format: string; fallback: string }[] {
  return [...mrkdwn.matchAll(/<!date\^(\d+)\^([^|^>]+)\|([^>]*)>/g)].map(([, epoch, format, fallback]) => ({
    seen: DateTime.fromSeconds(Number(epoch), { zone: READER_ZONE }).toFormat('ccc LLL d HH:mm'),
    format: format!,
    fallback: fallback!,
  }));
}

describe('dates on Slack, for a reader in UTC+8', () => {
  it('shows a holiday as the course date, with its weekday, as plain text', () => {
    const answer = mrkdwnOf(ask(plan, 'next', DateTime.fromISO('2025-11-26T09:00-05:00')).content);
    expect(answer).toContain('No class Thu Nov 27 (Thanksgiving)');
    expect(tokens(answer)).toEqual([]);
    const [notice] = derivePosts(plan, days('2025-11-26', '2025-11-26'), { defaultChannel: '#cs599' }).filter(
      (p) => p.reminders.some((r) => r.kind === 'no-class'),
    );
    const posted = mrkdwnOf(notice!.content);
    expect(posted).toContain('tomorrow, Thu Nov 27');
    expect(posted).not.toContain('<!date^');
  });

  it('keeps a deadline without a time on its day, and gives a timed one its instant', () => {
    const answer = mrkdwnOf(ask(plan, 'deadlines', DateTime.fromISO('2025-10-28T09:00-04:00')).content);
    // Date-only: "due Thu Oct 30" everywhere, never a token a reader's Slack would move to Oct 31.
    expect(answer).toMatch(/Project proposal\*?[^\n<]*Thu Oct 30/);
    expect(answer).not.toMatch(/<!date\^[^>]*Thu Oct 30/);
    // Timed: Thu Nov 13 23:59 in New York (EST) is Fri Nov 14 12:59 in Singapore.
    expect(tokens(answer)).toEqual([
      {
        seen: 'Fri Nov 14 12:59',
        format: '{date_long_pretty} at {time}',
        fallback: expect.stringContaining('Thu Nov 13 at 11:59 PM'),
      },
    ]);
  });

  it('does the same in reminders: the timed deadline is a token with its weekday kept, date-only ones are text', () => {
    const posts = derivePosts(plan, days('2025-10-29', '2025-11-13'), { defaultChannel: '#cs599' });
    const text = (key: string) =>
      mrkdwnOf(posts.find((p) => p.reminders.some((r) => r.key === key))!.content);
    const proposal = text('deadline:project-proposal-due@2025-10-30:1d');
    expect(proposal).toContain('tomorrow, Thu Oct 30');
    expect(proposal).not.toContain('<!date^');
    const report = text('deadline:project-progress-report-due@2025-11-13:0d');
    expect(tokens(report)).toEqual([
      {
        seen: 'Fri Nov 14 12:59',
        format: '{date_long_pretty} at {time}',
        fallback: 'today, Thu Nov 13 at 11:59 PM',
      },
    ]);
  });
});
