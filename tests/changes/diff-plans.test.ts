// Differences between two plans (a reloaded file, an undo) and the sentences that announce them.
import { describe, expect, it } from 'vitest';
import { announceDiff } from '../../src/changes/announce-diff.ts';
import { diffPlans, isEmptyDiff } from '../../src/changes/diff-plans.ts';
import { lineText } from '../../src/content/content.ts';
import { cs599 } from './plan-fixture.ts';

const announced = (before = cs599(), after = cs599()) =>
  announceDiff(diffPlans(before, after))?.blocks.flatMap((b) =>
    b.kind === 'section' ? b.lines.map(lineText) : [],
  );

describe('diffPlans', () => {
  it('finds nothing between equal plans', () => {
    expect(isEmptyDiff(diffPlans(cs599(), cs599()))).toBe(true);
    expect(announced()).toBeUndefined();
  });

  it('reports classes added, removed, moved, retitled, cancelled and restored, in date order', () => {
    const before = cs599();
    before.sessions.find((s) => s.number === 18)!.noClass = 'travel';
    const after = cs599();
    after.sessions = after.sessions.filter((s) => s.number !== 27);
    after.sessions.push({ date: '2025-12-11', number: 28, topic: 'Review', readings: [], presentations: [] });
    after.sessions.find((s) => s.number === 14)!.noClass = 'snow day';
    after.sessions.find((s) => s.number === 15)!.date = '2025-10-24';
    after.sessions.find((s) => s.number === 16)!.topic = 'State space models';
    const diff = diffPlans(before, after);
    expect(diff.classes.removed.map((c) => c.number)).toEqual([27]);
    expect(diff.classes.restored.map((c) => c.number)).toEqual([18]);
    expect(announced(before, after)).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
      'Class 15 (Mixture of experts) moved from Thu Oct 23 to Fri Oct 24.',
      'Class 16 on Tue Oct 28 is now about State space models (was: Structured state space models).',
      'Class 18 (Finetuning, fast inference) is no longer cancelled: it meets on Tue Nov 4.',
      'Class 27 (Matryoshka Quantization) on Tue Dec 9 is removed from the schedule.',
      'New: Class 28 (Review) on Thu Dec 11.',
    ]);
  });

  it('reports events added, removed, moved and retitled, and days without class', () => {
    const before = cs599();
    const after = cs599();
    after.events = after.events.filter((e) => e.id !== 'hw2-release');
    after.events.find((e) => e.id === 'project-proposal-due')!.date = '2025-11-04';
    after.events.find((e) => e.id === 'project-progress-report-due')!.title = 'Progress report due';
    after.events.push({ id: 'midterm', kind: 'exam', date: '2025-11-06', time: '18:00', title: 'Midterm' });
    after.sessions = after.sessions.filter((s) => s.date !== '2025-10-14');
    expect(announced(before, after)).toEqual([
      'HW2 release on Thu Oct 2 is removed from the schedule.',
      'The day without class on Tue Oct 14 (Monday schedule) is removed.',
      'Project proposal deadline moved from Thu Oct 30 to Tue Nov 4.',
      'New exam: Midterm on Thu Nov 6 at 6:00 PM.',
      '"Project progress report due" on Thu Nov 13 is now called "Progress report due".',
    ]);
  });

  it('says a cancellation plainly when its reason only repeats it, and never repeats a word', () => {
    const after = cs599();
    after.sessions.find((s) => s.number === 14)!.noClass = 'Cancelled';
    after.sessions.push({
      date: '2025-10-22',
      number: null,
      topic: '',
      readings: [],
      presentations: [],
      noClass: 'No class',
    });
    after.events.push({ id: 'exam-2', kind: 'exam', date: '2025-11-06', title: 'Exam 2' });
    after.sessions.find((s) => s.number === 20)!.presentations = [
      { presenters: ['CG', 'OO', 'YK'], title: 'DeepSeek-v3' },
    ];
    expect(announced(cs599(), after)).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21.',
      'No class on Wed Oct 22.',
      'New: Exam 2 on Thu Nov 6.',
      'Presentations in Class 20 on Tue Nov 11: DeepSeek-v3 by CG, OO and YK (were: DeepSeek-v3 by CG and OO).',
    ]);
    expect(announced(after, cs599())).toContain('The day without class on Wed Oct 22 is removed.');
  });
});
