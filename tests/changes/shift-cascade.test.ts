// Cancelling with "shift": each class moves to the next meeting up to the first free one or the term's end.
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../src/changes/apply-change.ts';
import { lineText } from '../../src/content/content.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { cs599 } from './plan-fixture.ts';

const shift = (plan: Plan, number: number, date: string) =>
  applyChange(plan, { kind: 'cancel', number, date, reason: 'snow day', shift: true });
const sentences = (r: ReturnType<typeof shift>) =>
  r.announcement.blocks.flatMap((b) => (b.kind === 'section' ? b.lines.map(lineText) : []));

describe('shift cascade', () => {
  it('stops at the first meeting without content, skipping days without class', () => {
    const plan = cs599();
    // Make Class 16 (Oct 28) a free meeting.
    Object.assign(
      plan.sessions.find((s) => s.number === 16)!,
      { topic: '', readings: [] },
    );
    const result = shift(plan, 14, '2025-10-21');
    const at = (date: string) => result.plan.sessions.find((s) => s.date === date)!;
    expect(at('2025-10-21')).toMatchObject({ number: null, noClass: 'snow day', topic: '' });
    expect(at('2025-10-23')).toMatchObject({ number: 14, topic: 'Sparse approximation of attention' });
    expect(at('2025-10-28')).toMatchObject({ number: 15, topic: 'Mixture of experts' });
    expect(at('2025-10-30')).toMatchObject({ number: 17, topic: 'Mamba and hybrid models' });
    expect(result.plan.sessions.some((s) => s.number === 16)).toBe(false);
    expect(sentences(result)).toEqual([
      'No class on Tue Oct 21: snow day.',
      'Class 14 and the classes after it move to the next meeting:',
      'Class 14 (Sparse approximation of attention) moved from Tue Oct 21 to Thu Oct 23.',
      'Class 15 (Mixture of experts) moved from Thu Oct 23 to Tue Oct 28.',
    ]);
    expect(result.notes).toEqual([]);
  });

  it('runs to the end of the term when nothing is free, skips Thanksgiving, and lists tied deadlines', () => {
    const result = shift(cs599(), 24, '2025-11-25');
    const at = (date: string) => result.plan.sessions.find((s) => s.date === date)!;
    expect(at('2025-11-25')).toMatchObject({ number: null, noClass: 'snow day' });
    expect(at('2025-11-27')).toMatchObject({ number: null, noClass: 'Thanksgiving' });
    expect(at('2025-12-02').number).toBe(24);
    expect(at('2025-12-04').number).toBe(25);
    expect(at('2025-12-09')).toMatchObject({ number: 26, section: 'Paper presentations' });
    expect(sentences(result)).toEqual([
      'No class on Tue Nov 25: snow day.',
      'Class 24 and the classes after it move to the next meeting:',
      'Class 24 (Reducing Activation Recomputation in Large Transformer Models) moved from Tue Nov 25 to Tue Dec 2.',
      'Class 25 (Decoupled Weight Decay Regularization, Gluon: Making Muon & Scion Great Again!) moved from Tue Dec 2 to Thu Dec 4.',
      'Class 26 (Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks, RoarGraph) moved from Thu Dec 4 to Tue Dec 9.',
      'Class 27 (Matryoshka Quantization) no longer has a meeting this term.',
    ]);
    // The final report is tied to Class 27: listed, not moved.
    expect(result.plan.events.find((e) => e.id === 'project-final-report-due')!.date).toBe('2025-12-09');
    expect(result.notes).toEqual([
      'Project final report due (Tue Dec 9) belongs to Class 27, which no longer has a meeting: decide its new date with `/schedule extend project-final-report-due DATE`.',
      'Class 27 (Matryoshka Quantization) drops off the end of the term: add a meeting or merge it into another class.',
    ]);
  });

  it('lists deadlines tied to moved classes with the command that would follow them', () => {
    const result = shift(cs599(), 16, '2025-10-28');
    expect(result.notes[0]).toBe(
      'Project proposal due (Thu Oct 30) belongs to Class 17, which moves to Tue Nov 4: it stays where it is unless you `/schedule extend project-proposal-due 2025-11-04`.',
    );
    expect(result.plan.events.find((e) => e.id === 'project-proposal-due')!.date).toBe('2025-10-30');
  });
});
