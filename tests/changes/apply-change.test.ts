// Applying each change to the CS 599 plan: the new plan, and the announcement's exact words.
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../src/changes/apply-change.ts';
import type { PlanChange } from '../../src/changes/change.ts';
import { parseChange } from '../../src/changes/parse-change.ts';
import { renderText } from '../../src/content/render-text.ts';
import { lineText, mention, type Content } from '../../src/content/content.ts';
import { parsePlanValue } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { cs599, MONDAY } from './plan-fixture.ts';

const sentences = (content: Content) =>
  content.blocks.flatMap((b) => (b.kind === 'section' ? b.lines.map(lineText) : []));

function run(text: string, plan: Plan = cs599()) {
  const parsed = parseChange(text, plan, MONDAY);
  if (!parsed.ok) throw new Error(parsed.message);
  const result = applyChange(plan, parsed.change);
  // Every result is still a valid plan.
  expect(parsePlanValue(result.plan).ok).toBe(true);
  return { ...result, sentences: sentences(result.announcement) };
}
const session = (plan: Plan, number: number) => plan.sessions.find((s) => s.number === number)!;

describe('applyChange', () => {
  it('cancels a class with the reason, announced in one sentence', () => {
    const result = run('cancel 14 snow day');
    expect(session(result.plan, 14)).toMatchObject({ date: '2025-10-21', noClass: 'snow day' });
    expect(result.sentences).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    ]);
    expect(renderText(result.announcement)).toBe(
      '  Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    );
    expect(result.summary).toBe('cancelled Class 14 (Tue Oct 21): snow day');
  });

  it('moves a class and sorts the sessions, noting the deadlines tied to it', () => {
    const result = run('move 17 Oct 31');
    expect(session(result.plan, 17).date).toBe('2025-10-31');
    const dates = result.plan.sessions.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    expect(result.sentences).toEqual([
      'Class 17 (Mamba and hybrid models) moved from Thu Oct 30 to Fri Oct 31.',
    ]);
    expect(result.notes).toEqual([
      'Project proposal due (Thu Oct 30) belongs to Class 17: to move it too, `/schedule extend project-proposal-due 2025-10-31`.',
    ]);
  });

  it('extends a deadline', () => {
    const result = run('extend proposal Nov 4');
    expect(result.plan.events.find((e) => e.id === 'project-proposal-due')!.date).toBe('2025-11-04');
    expect(result.sentences).toEqual(['Project proposal deadline moved from Thu Oct 30 to Tue Nov 4.']);
  });

  it('shows the times when a deadline gets one', () => {
    const result = run('extend proposal Oct 30 17:00');
    expect(result.sentences).toEqual([
      'Project proposal deadline moved from Thu Oct 30 to Thu Oct 30 at 5:00 PM.',
    ]);
  });

  it('edits topic, readings and presenters', () => {
    expect(run('edit 15 topic Mixture of experts (MoE)').sentences).toEqual([
      'Class 15 on Thu Oct 23 is now about Mixture of experts (MoE) (was: Mixture of experts).',
    ]);
    expect(run('edit 15 readings Switch Transformer').sentences).toEqual([
      'Readings for Class 15 on Thu Oct 23: Switch Transformer (were: Switch Transformer, DeepSeek-V3).',
    ]);
    const presenters = run('edit 20 presenters CG: DeepSeek-v3');
    expect(session(presenters.plan, 20).presentations).toEqual([
      { presenters: ['CG'], title: 'DeepSeek-v3' },
    ]);
    expect(presenters.sentences).toEqual([
      'Presentations in Class 20 on Tue Nov 11: DeepSeek-v3 by CG (were: DeepSeek-v3 by CG and OO).',
    ]);
  });

  it('adds an event in date order', () => {
    const result = run('add deadline Nov 11 23:59 Project draft due');
    const ids = result.plan.events.map((e) => e.id);
    expect(ids.indexOf('project-draft-due')).toBe(ids.indexOf('project-progress-report-due') - 1);
    expect(result.sentences).toEqual(['New deadline: Project draft due on Tue Nov 11 at 11:59 PM.']);
  });

  it('announces without changing the plan, naming who sent it', () => {
    const plan = cs599();
    const change: PlanChange = {
      kind: 'announce',
      text: 'Office hours are in room 204 this week.',
      from: 'U0PROF',
    };
    const result = applyChange(plan, change);
    expect(result.plan).toBe(plan);
    expect(result.announcement).toEqual({
      blocks: [
        { kind: 'section', lines: [['Office hours are in room 204 this week.']] },
        { kind: 'context', lines: [['— from ', mention('U0PROF', '@U0PROF')]] },
      ],
    });
    expect(renderText(result.announcement)).toBe(
      '  Office hours are in room 204 this week.\n  — from @U0PROF',
    );
    expect(result.summary).toBe('announced “Office hours are in room 204 this week.”');
  });

  it('cancels without a reason in plain words', () => {
    const result = run('cancel 2025-10-21');
    expect(session(result.plan, 14).noClass).toBe('cancelled');
    expect(result.sentences).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21.',
    ]);
    expect(result.summary).toBe('cancelled Class 14 (Tue Oct 21)');
    const shifted = run('cancel 14 shift');
    expect(shifted.sentences[0]).toBe('No class on Tue Oct 21.');
    expect(shifted.summary).toBe('cancelled Class 14 (Tue Oct 21); later classes shifted');
  });

  it('ends a sentence once when the reason has its own full stop', () => {
    expect(run('cancel 14 snow day.').sentences).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    ]);
    expect(run('cancel 14 shift snow day!').sentences[0]).toBe('No class on Tue Oct 21: snow day!');
  });

  it('is idempotent, so re-applying over a reloaded file changes nothing', () => {
    for (const text of [
      'cancel 14 snow day',
      'move 17 Oct 31',
      'extend proposal Nov 4',
      'cancel 14 shift snow day',
    ]) {
      const parsed = parseChange(text, cs599(), MONDAY);
      if (!parsed.ok) throw new Error(parsed.message);
      const once = applyChange(cs599(), parsed.change).plan;
      expect(applyChange(once, parsed.change).plan).toEqual(once);
    }
  });

  it('throws a UserError when the target is gone', () => {
    const plan = cs599();
    plan.sessions = plan.sessions.filter((s) => s.number !== 14);
    const change: PlanChange = { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'x', shift: false };
    expect(() => applyChange(plan, change)).toThrow('There is no Class 14 in the plan any more.');
    expect(() =>
      applyChange(plan, { kind: 'extend', eventId: 'nope', from: '2025-10-30', to: '2025-11-04' }),
    ).toThrow('There is no event "nope" in the plan any more.');
  });
});
