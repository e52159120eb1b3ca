import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/content/render-slack.ts';
import { renderText } from '../../src/content/render-text.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { narrowPostContent } from '../../src/reminders/narrow-post.ts';
import type { Post } from '../../src/reminders/post.ts';
import { days, fixtureInput, fixturePlan, local, planOf } from './load-plan.ts';

const options = { defaultChannel: '#cs599' };
const keysOf = (posts: Post[]) => posts.flatMap((p) => p.reminders.map((r) => r.key));
const at = (posts: Post[], key: string) => posts.find((p) => p.reminders.some((r) => r.key === key));

describe('derivePosts', () => {
  it('posts at the local time on both sides of the DST change of Sun Nov 2 2025', () => {
    const posts = derivePosts(fixturePlan(), days('2025-10-26', '2025-11-09'), options);
    const before = at(posts, 'readings:class-16@2025-10-28:2d')!;
    const after = at(posts, 'readings:class-18@2025-11-04:2d')!;
    expect(before.at).toBe('2025-10-26T09:00:00-04:00');
    expect(new Date(before.at).toISOString()).toBe('2025-10-26T13:00:00.000Z');
    expect(after.at).toBe('2025-11-02T09:00:00-05:00');
    expect(new Date(after.at).toISOString()).toBe('2025-11-02T14:00:00.000Z');
    // The digest on the day of the change itself is at 18:00 local, after the clocks went back.
    expect(at(posts, 'weekly:2025-11-02')!.at).toBe('2025-11-02T18:00:00-05:00');
  });

  it('puts everything due in one channel at one time into one post, a section per kind in kind order', () => {
    const posts = derivePosts(fixturePlan(), days('2025-10-28', '2025-10-28'), options);
    expect(posts.map((p) => [p.at, p.channel])).toEqual([
      ['2025-10-28T08:00:00-04:00', '#cs599'],
      ['2025-10-28T09:00:00-04:00', '#cs599'],
    ]);
    const nine = posts[1]!;
    expect(nine.reminders.map((r) => r.key)).toEqual([
      'readings:class-17@2025-10-30:2d',
      'deadline:project-proposal-due@2025-10-30:2d',
    ]);
    expect(nine.content.blocks.map((b) => (b.kind === 'section' ? b.heading : b.kind))).toEqual([
      'Readings',
      'Deadline',
    ]);
  });

  it('splits that post in two when a kind has its own channel, ordered by channel', () => {
    const input = fixtureInput();
    input.reminders = { channels: { default: '#cs599', deadline: '#cs599-deadlines' } };
    const posts = derivePosts(planOf(input), days('2025-10-28', '2025-10-28'), {
      defaultChannel: '#general',
    });
    expect(posts.map((p) => [p.at.slice(11, 16), p.channel, p.reminders.map((r) => r.kind).join()])).toEqual([
      ['08:00', '#cs599', 'class-day'],
      ['09:00', '#cs599', 'readings'],
      ['09:00', '#cs599-deadlines', 'deadline'],
    ]);
  });

  it('uses the deployment default channel only when the plan names none', () => {
    const posts = derivePosts(fixturePlan(), days('2025-10-28', '2025-10-28'), {
      defaultChannel: 'C0123ABCD',
    });
    expect(new Set(posts.map((p) => p.channel))).toEqual(new Set(['C0123ABCD']));
  });

  it('includes a post at the start of the window and leaves out one at its end', () => {
    const plan = fixturePlan();
    const nine = local('2025-10-28T09:00');
    expect(derivePosts(plan, { from: nine, to: nine.plus({ seconds: 15 }) }, options)).toHaveLength(1);
    expect(derivePosts(plan, { from: nine.minus({ seconds: 15 }), to: nine }, options)).toHaveLength(0);
    expect(derivePosts(plan, { from: nine, to: nine }, options)).toEqual([]);
  });

  it('never reminds of a subject that is already past when the post goes out', () => {
    const input = fixtureInput();
    input.course.meeting = { start: '08:00', end: '09:15' };
    input.events!.find((e) => e.id === 'project-proposal-due')!.time = '08:30';
    let posts = derivePosts(planOf(input), days('2025-10-29', '2025-10-30'), options);
    // A class at 08:00 gets no 08:00 "class today"; a deadline at 08:30 gets no 09:00 "due today".
    expect(keysOf(posts)).not.toContain('class-day:class-17@2025-10-30');
    expect(keysOf(posts)).not.toContain('deadline:project-proposal-due@2025-10-30:0d');
    expect(keysOf(posts)).toContain('deadline:project-proposal-due@2025-10-30:1d');

    input.course.meeting = { start: '11:00', end: '12:15' };
    posts = derivePosts(planOf(input), days('2025-10-30', '2025-10-30'), options);
    const classDay = at(posts, 'class-day:class-17@2025-10-30')!;
    expect(classDay.reminders[0]!.subjectAt).toBe('2025-10-30T11:00:00-04:00');
    expect(renderText(classDay.content)).toContain(
      'Class 17 today, Thu Oct 30 at 11:00 AM: Mamba and hybrid models',
    );
  });

  it('keeps keys across a typo fix and gives fresh ones to a moved deadline', () => {
    const window = days('2025-10-20', '2025-11-05');
    const original = keysOf(derivePosts(fixturePlan(), window, options));

    const fixed = fixtureInput();
    fixed.events!.find((e) => e.id === 'project-proposal-due')!.title = 'Project proposal (2 pages) due';
    fixed.sessions.find((s) => s.number === 17)!.topic = 'Mamba and hybrid architectures';
    expect(keysOf(derivePosts(planOf(fixed), window, options))).toEqual(original);

    const moved = fixtureInput();
    moved.events!.find((e) => e.id === 'project-proposal-due')!.date = '2025-11-03';
    const after = keysOf(derivePosts(planOf(moved), window, options));
    expect(after.filter((k) => k.includes('project-proposal-due@2025-10-30'))).toEqual([]);
    expect(after).toContain('deadline:project-proposal-due@2025-11-03:7d');
    expect(after).toContain('deadline:project-proposal-due@2025-11-03:0d');
  });

  it('says the day and date of a deadline, with its time when it has one', () => {
    const input = fixtureInput();
    input.events!.find((e) => e.id === 'project-proposal-due')!.time = '23:59';
    const posts = derivePosts(planOf(input), days('2025-10-23', '2025-10-30'), options);
    const line = (lead: number) =>
      renderText(at(posts, `deadline:project-proposal-due@2025-10-30:${lead}d`)!.content);
    expect(line(7)).toContain('Project proposal due Thu Oct 30 at 11:59 PM (in 7 days)');
    expect(line(2)).toContain('Project proposal due Thu Oct 30 at 11:59 PM (in 2 days)');
    expect(line(1)).toContain('Project proposal due tomorrow, Thu Oct 30 at 11:59 PM');
    expect(line(0)).toContain('Project proposal due today, Thu Oct 30 at 11:59 PM');
    // On Slack, "today"/"tomorrow" come from the date itself, so it is written once, not "tomorrow, tomorrow".
    const slack = renderSlack(at(posts, 'deadline:project-proposal-due@2025-10-30:1d')!.content);
    expect(slack.blocks[0]).toMatchObject({
      text: {
        text: expect.stringMatching(
          /^\*Deadline\*\n\*Project proposal\* due <!date\^\d+\^\{date_long_pretty\} at \{time\}\|tomorrow, Thu Oct 30 at 11:59 PM>$/,
        ),
      },
    });
    expect(at(posts, 'deadline:project-proposal-due@2025-10-30:0d')!.reminders[0]!.subjectAt).toBe(
      '2025-10-30T23:59:00-04:00',
    );
  });

  it('treats an exam as a deadline with its own wording', () => {
    const input = fixtureInput();
    input.events!.push({
      id: 'midterm',
      kind: 'exam',
      date: '2025-10-23',
      time: '11:00',
      title: 'Midterm exam',
    });
    const posts = derivePosts(planOf(input), days('2025-10-21', '2025-10-21'), options);
    expect(renderText(at(posts, 'deadline:midterm@2025-10-23:2d')!.content)).toContain(
      'Midterm exam is on Thu Oct 23 at 11:00 AM (in 2 days)',
    );
  });

  it('announces a homework release with the course Piazza and a day without class the day before', () => {
    const input = fixtureInput();
    const posts = derivePosts(planOf(input), days('2025-09-16', '2025-09-16'), options);
    expect(renderText(at(posts, 'homework:hw1-release@2025-09-16')!.content)).toContain(
      'HW1 is out today. Details on Piazza <https://piazza.com/class/cs599e1-fall2025>',
    );
    const thanksgiving = derivePosts(planOf(input), days('2025-11-26', '2025-11-26'), options);
    expect(renderText(at(thanksgiving, 'no-class:2025-11-27:1d')!.content)).toContain(
      'No class tomorrow, Thu Nov 27: Thanksgiving',
    );
  });

  it('mentions rostered presenters and escapes titles for Slack', () => {
    const posts = derivePosts(fixturePlan(), days('2025-12-01', '2025-12-01'), options);
    const post = at(posts, 'presentation:class-25@2025-12-02:1d')!;
    const slack = renderSlack(post.content);
    const mrkdwn = slack.blocks.map((b) => (b.type === 'section' ? b.text.text : '')).join('\n');
    expect(mrkdwn).toContain('<@U0MS00003>: _Gluon: Making Muon &amp; Scion Great Again!_');
    expect(mrkdwn).toContain('WL: _Decoupled Weight Decay Regularization_'); // not in the roster
    // A class without a meeting time is on a calendar day: plain text, not a date Slack converts.
    expect(mrkdwn).toContain('In *Class 25* tomorrow, Tue Dec 2:');
    expect(mrkdwn).not.toContain('<!date^');
    expect(slack.text).toContain('Gluon: Making Muon &amp; Scion Great Again!');
    expect(renderText(post.content)).toContain('MS: Gluon: Making Muon & Scion Great Again!');
  });

  it('finds presenters in the roster whatever the case of their initials', () => {
    const input = fixtureInput();
    input.course.roster = { ms: 'U0MS00003' };
    const posts = derivePosts(planOf(input), days('2025-12-01', '2025-12-01'), options);
    const mrkdwn = renderSlack(at(posts, 'presentation:class-25@2025-12-02:1d')!.content)
      .blocks.map((b) => (b.type === 'section' ? b.text.text : ''))
      .join('\n');
    expect(mrkdwn).toContain('<@U0MS00003>: _Gluon: Making Muon &amp; Scion Great Again!_');
  });

  it('skips the weekly digest when the week ahead is empty', () => {
    const input = fixtureInput();
    // Empty the week of Mon Nov 17 – Sun Nov 23.
    input.sessions = input.sessions.filter((s) => s.date < '2025-11-17' || s.date > '2025-11-23');
    const keys = keysOf(derivePosts(planOf(input), days('2025-11-09', '2025-11-29'), options));
    expect(keys.filter((k) => k.startsWith('weekly:'))).toEqual(['weekly:2025-11-09', 'weekly:2025-11-23']);
  });

  it('follows the policy: disabled kinds, other lead times and times', () => {
    const input = fixtureInput();
    input.reminders = {
      classDay: { enabled: false },
      readings: { daysBefore: [1], time: '17:30' },
      deadlines: { daysBefore: [3] },
      weeklyDigest: { weekday: 1, time: '07:00' },
    };
    const posts = derivePosts(planOf(input), days('2025-10-27', '2025-10-29'), options);
    expect(posts.map((p) => [p.at, keysOf([p]).join(' ')])).toEqual([
      ['2025-10-27T07:00:00-04:00', 'weekly:2025-10-27'],
      ['2025-10-27T09:00:00-04:00', 'deadline:project-proposal-due@2025-10-30:3d'],
      ['2025-10-27T17:30:00-04:00', 'readings:class-16@2025-10-28:1d'],
      ['2025-10-29T17:30:00-04:00', 'readings:class-17@2025-10-30:1d'],
    ]);
  });

  it('is cheap for a 15-second window and for a window far from the term', () => {
    const plan = fixturePlan();
    const start = performance.now();
    let found = 0;
    for (let t = local('2025-10-28T00:00'), i = 0; i < 5760; i++, t = t.plus({ seconds: 15 })) {
      found += derivePosts(plan, { from: t, to: t.plus({ seconds: 15 }) }, options).length;
    }
    expect(found).toBe(2); // 08:00 and 09:00 of Oct 28, each once
    expect(
      derivePosts(plan, { from: local('2030-01-01T00:00'), to: local('2130-01-01T00:00') }, options),
    ).toEqual([]);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('narrowPostContent', () => {
  it('rebuilds a post with only the reminders not yet sent', () => {
    const plan = fixturePlan();
    const [, nine] = derivePosts(plan, days('2025-10-28', '2025-10-28'), options);
    const deadline = nine!.reminders.filter((r) => r.kind === 'deadline');
    const narrowed = narrowPostContent(plan, nine!, deadline);
    expect(narrowed.blocks.map((b) => (b.kind === 'section' ? b.heading : b.kind))).toEqual(['Deadline']);
    expect(renderText(narrowed)).toBe('Deadline\n  Project proposal due Thu Oct 30 (in 2 days)');
    expect(narrowPostContent(plan, nine!, [{ ...deadline[0]!, key: 'deadline:gone@2025-10-30:2d' }])).toBe(
      nine!.content,
    );
  });
});
