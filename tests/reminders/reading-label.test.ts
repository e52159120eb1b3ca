import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/content/render-text.ts';
import { addDays } from '../../src/plan/local-date.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import type { Post } from '../../src/reminders/post.ts';
import { days, fixtureInput, planOf } from './load-plan.ts';

const options = { defaultChannel: '#cs599' };

/** The text of the post that holds `key`. */
function postText(posts: Post[], key: string): string {
  const post = posts.find((p) => p.reminders.some((r) => r.key === key));
  if (!post) throw new Error(`no post for ${key}`);
  return renderText(post.content);
}

describe('the word for readings in reminders', () => {
  const input = fixtureInput();
  const seven = input.sessions.find((s) => s.number === 7)!;
  const eight = input.sessions.find((s) => s.number === 8)!;
  seven.readings = [{ title: 'Adam' }];
  eight.readings = [{ title: 'low memory' }, { title: 'Muon' }];
  const plan = planOf(input);
  const posts = derivePosts(plan, days(addDays(seven.date, -3), eight.date), options);

  it('is "Reading" for one reading, on the class-day line and as the heads-up heading', () => {
    const classDay = postText(posts, `class-day:class-7@${seven.date}`);
    expect(classDay).toContain('Reading: Adam');
    expect(classDay).not.toContain('Readings');
    const headsUp = postText(posts, `readings:class-7@${seven.date}:2d`);
    expect(headsUp).toMatch(/^Reading$/m);
  });

  it('is "Readings" for several', () => {
    expect(postText(posts, `class-day:class-8@${eight.date}`)).toContain('Readings: low memory, Muon');
    expect(postText(posts, `readings:class-8@${eight.date}:2d`)).toMatch(/^Readings$/m);
  });
});
