// Remembered answers: the same question about the same plan within a minute is answered once; anything that
// could change the answer (another minute, plan, prefix, sharing or help list) computes it again.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/content/render-slack.ts';
import { renderText } from '../../src/content/render-text.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { MAX_ANSWERS_PER_PLAN, rememberAnswer } from '../../src/queries/answer-memo.ts';
import { ask } from '../../src/queries/ask.ts';
import type { HelpEntry } from '../../src/queries/query-table.ts';
import { askText, at, fixturePlan } from './fixture-plans.ts';

const plan = fixturePlan('cs599-fall-2025');
const MONDAY_EVENING = at('2025-10-13T18:00-04:00');

describe('ask remembers answers', () => {
  it('gives the same content for the same words within the same minute', () => {
    const first = ask(plan, 'week', MONDAY_EVENING);
    expect(ask(plan, 'week', MONDAY_EVENING.plus({ seconds: 59 })).content).toBe(first.content);
    expect(ask(plan, '  week ', MONDAY_EVENING).content).toBe(first.content);
    expect(ask(plan, 'week share', MONDAY_EVENING).content).not.toBe(first.content);
    expect(ask(plan, 'week', MONDAY_EVENING.plus({ minutes: 1 })).content).not.toBe(first.content);
    expect(ask(plan, 'week', MONDAY_EVENING.plus({ minutes: 1 }))).toEqual(first);
  });

  it('answers again when the plan, the prefix, sharing or the help list differ', () => {
    const first = ask(plan, 'help', MONDAY_EVENING).content;
    expect(ask({ ...plan }, 'help', MONDAY_EVENING).content).not.toBe(first);
    expect(ask(plan, 'help', MONDAY_EVENING, { prefix: 'coursebot ask' }).content).not.toBe(first);
    const noShare = ask(plan, 'help', MONDAY_EVENING, { canShare: false }).content;
    expect(noShare).not.toEqual(first);
    expect(ask(plan, 'help', MONDAY_EVENING).content).toBe(first);
    const extraHelp: HelpEntry[] = [
      { name: 'cancel', args: 'N', description: 'cancel a class', example: 'cancel 3' },
    ];
    const withStaff = ask(plan, 'help', MONDAY_EVENING, { extraHelp }).content;
    expect(withStaff).not.toBe(first);
    expect(ask(plan, 'help', MONDAY_EVENING, { extraHelp: [...extraHelp] }).content).toBe(withStaff);
    // The list the Slack app passes grows as commands register: the help must then list the new ones.
    extraHelp.push({ name: 'move', args: 'N DATE', description: 'move a class', example: 'move 3 Oct 9' });
    const grown = ask(plan, 'help', MONDAY_EVENING, { extraHelp });
    expect(grown.content).not.toBe(withStaff);
    expect(renderText(grown.content)).toContain('/schedule move N DATE');
  });

  it('finds the answer again when the help entries are made afresh for each request', () => {
    // The Slack app builds the staff entries anew for every request: the same words, new objects.
    const entries = (): HelpEntry[] => [
      { name: 'cancel', args: 'N', description: 'cancel a class', example: 'cancel 3' },
    ];
    const first = ask(plan, 'next', MONDAY_EVENING, { extraHelp: entries() }).content;
    expect(ask(plan, 'next', MONDAY_EVENING, { extraHelp: entries() }).content).toBe(first);
    const changed = [{ ...entries()[0]!, description: 'cancel a class (staff)' }];
    expect(ask(plan, 'next', MONDAY_EVENING, { extraHelp: changed }).content).not.toBe(first);
  });

  it('gives each caller its own result object', () => {
    const first = ask(plan, 'deadlines', MONDAY_EVENING);
    const second = ask(plan, 'deadlines', MONDAY_EVENING);
    expect(second).not.toBe(first);
    expect(second.content).toBe(first.content);
  });

  it('never carries an answer over a class ending or midnight', () => {
    expect(askText(plan, 'next', '2025-10-16T23:59:59-04:00')).toContain('Class 13, Thu Oct 16');
    expect(askText(plan, 'next', '2025-10-17T00:00:00-04:00')).toContain('Class 14, Tue Oct 21');
    expect(askText(plan, 'today', '2025-10-29T23:59:30-04:00')).toContain('No class Wed Oct 29');
    expect(askText(plan, 'today', '2025-10-30T00:00:00-04:00')).toContain('Class 17, Thu Oct 30');
  });

  it('does not let a changed plan see the answers of the old one', () => {
    const before = askText(plan, 'next', '2025-10-13T18:00-04:00');
    const changed: Plan = {
      ...plan,
      sessions: plan.sessions.map((s) => (s.number === 13 ? { ...s, topic: 'Vector databases' } : s)),
    };
    expect(askText(changed, 'next', '2025-10-13T18:00-04:00')).toContain(
      'Class 13, Thu Oct 16 — Vector databases',
    );
    expect(askText(plan, 'next', '2025-10-13T18:00-04:00')).toBe(before);
  });
});

describe('rememberAnswer', () => {
  const key = (text: string, now = MONDAY_EVENING) => ({
    text,
    now,
    prefix: undefined,
    canShare: undefined,
    extraHelp: undefined,
  });

  it(`keeps the ${MAX_ANSWERS_PER_PLAN} most recently used answers of a plan`, () => {
    const own: Plan = { ...plan };
    let computed = 0;
    const answer = (text: string) => rememberAnswer(own, key(text), () => ({ text, n: ++computed }));
    const first = answer('q0');
    for (let i = 1; i < MAX_ANSWERS_PER_PLAN; i++) answer(`q${i}`);
    expect(answer('q0')).toBe(first); // now the most recent
    answer('one more'); // pushes out q1, the least recently used
    expect(computed).toBe(MAX_ANSWERS_PER_PLAN + 1);
    expect(answer('q0')).toBe(first);
    answer('q1');
    expect(computed).toBe(MAX_ANSWERS_PER_PLAN + 2);
  });

  it('computes every time for an invalid instant', () => {
    let computed = 0;
    const invalid = DateTime.invalid('test');
    rememberAnswer(plan, key('next', invalid), () => ++computed);
    rememberAnswer(plan, key('next', invalid), () => ++computed);
    expect(computed).toBe(2);
  });
});

describe('a remembered answer on Slack', () => {
  it('is rendered once, and each caller still gets its own message and blocks array', () => {
    const { content } = ask(plan, 'next', MONDAY_EVENING);
    const first = renderSlack(content);
    const again = renderSlack(ask(plan, 'next', MONDAY_EVENING).content);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(again.blocks).not.toBe(first.blocks);
    expect(again.blocks[0]).toBe(first.blocks[0]);
  });
});
