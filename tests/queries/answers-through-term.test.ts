// The answers users see for the real course (CS 599 E1, Fall 2025) before, during and after the term,
// asserted on the terminal text and, where it matters, on the structured content.
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/content/content.ts';
import { renderText } from '../../src/content/render-text.ts';
import { ask } from '../../src/queries/ask.ts';
import { askText, at, fixturePlan } from './fixture-plans.ts';

const plan = fixturePlan('cs599-fall-2025');
const MONDAY_EVENING = '2025-10-13T18:00-04:00';

describe('next', () => {
  it('names Class 13 and says Tue Oct 14 has no class', () => {
    const text = askText(plan, 'next', MONDAY_EVENING);
    expect(text).toContain('No class Tue Oct 14 (Monday schedule). Next: Class 13, Thu Oct 16');
    expect(text).toContain('Graph-based nearest neighbor search on CPUs and GPUs');
    expect(text).toContain('Readings: HNSW, CAGRA');
    expect(askText(plan, '', MONDAY_EVENING)).toBe(text);
  });

  it('counts a class later today (no meeting time: until the end of the day) as next', () => {
    expect(askText(plan, 'next', '2025-10-16T23:59-04:00')).toContain('Class 13, Thu Oct 16');
    expect(askText(plan, 'next', '2025-10-17T00:00-04:00')).toContain('Class 14, Tue Oct 21');
  });

  it('uses the course timezone, not the offset the time was written in', () => {
    // 03:30 UTC on Oct 17 is still Oct 16 in New York.
    expect(askText(plan, 'next', '2025-10-17T03:30Z')).toContain('Class 13, Thu Oct 16');
  });

  it('before the term gives the first class and when the term starts', () => {
    const text = askText(plan, 'next', '2025-08-20T10:00-04:00');
    expect(text).toContain('First class');
    expect(text).toContain('Class 1, Tue Sep 2 — Course overview');
    expect(text).toContain('The term starts Tue Sep 2.');
  });

  it('after the term says when it ended', () => {
    const text = askText(plan, 'next', '2025-12-20T10:00-05:00');
    expect(text).toContain('The term ended on Tue Dec 9.');
    expect(text).toContain('the last was Class 27, Tue Dec 9');
  });

  it('skips Thanksgiving and shows the presenters of the next class', () => {
    const text = askText(plan, 'next', '2025-11-26T09:00-05:00');
    expect(text).toContain(
      'No class Thu Nov 27 (Thanksgiving). Next: Class 25, Tue Dec 2 — Paper presentations',
    );
    expect(text).toContain('Presentation: WL — Decoupled Weight Decay Regularization');
    expect(text).toContain('Presentation: MS — Gluon: Making Muon & Scion Great Again!');
  });

  it('shows every whole day as the course-local date, never as a date Slack converts', () => {
    const { content } = ask(plan, 'next', at(MONDAY_EVENING));
    const inlines = content.blocks.flatMap((b) => (b.kind === 'section' ? b.lines.flat() : []));
    const days = inlines.filter(
      (i): i is Extract<Inline, { kind: 'day' }> => typeof i !== 'string' && i.kind === 'day',
    );
    expect(days.map((d) => [d.date, d.text])).toEqual([
      ['2025-10-14', 'Tue Oct 14'],
      ['2025-10-16', 'Thu Oct 16'],
    ]);
    // The plan has no meeting time: nothing in the answer is a moment.
    expect(inlines.some((i) => typeof i !== 'string' && i.kind === 'date')).toBe(false);
  });
});

describe('today, tomorrow and week', () => {
  it('today with nothing on says so', () => {
    expect(askText(plan, 'today', MONDAY_EVENING)).toContain('No class Mon Oct 13, and nothing due.');
  });

  it('tomorrow on a no-class day gives the reason', () => {
    expect(askText(plan, 'tomorrow', MONDAY_EVENING)).toContain('No class Tue Oct 14 (Monday schedule).');
  });

  it('today on a class day with a deadline lists both', () => {
    const text = askText(plan, 'today', '2025-10-30T08:00-04:00');
    expect(text).toContain('Class 17, Thu Oct 30 — Mamba and hybrid models');
    expect(text).toContain('Project proposal — due Thu Oct 30 (today)');
  });

  it('week covers the next 7 days in order', () => {
    const text = askText(plan, 'week', '2025-10-27T08:00-04:00');
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toEqual([
      'CS 599 E1 · The week ahead',
      'Class 16, Tue Oct 28 — Structured state space models',
      'Class 17, Thu Oct 30 — Mamba and hybrid models',
      'Project proposal — due Thu Oct 30 (in 3 days)',
    ]);
    expect(askText(plan, 'week', '2025-10-27T08:00-04:00')).not.toContain('Nov 4');
  });

  it('week names who presents in each class, under its headline, as next does', () => {
    const lines = askText(plan, 'week', '2025-11-20T10:00-05:00')
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toEqual([
      'CS 599 E1 · The week ahead',
      'Class 23, Thu Nov 20 — Paper presentations',
      'Presentation: JH — DeepSeek-OCR',
      'Presentation: YT — Shampoo: Preconditioned Stochastic Tensor Optimization',
      'Class 24, Tue Nov 25 — Paper presentations',
      'Presentation: SB — Reducing Activation Recomputation in Large Transformer Models',
    ]);
    const next = askText(plan, 'next', '2025-11-24T10:00-05:00');
    expect(next).toContain(
      'Presentation: SB — Reducing Activation Recomputation in Large Transformer Models',
    );
  });

  it('week before and after the term says so', () => {
    expect(askText(plan, 'week', '2025-08-01T08:00-04:00')).toContain('The term starts Tue Sep 2.');
    expect(askText(plan, 'week', '2026-01-10T08:00-05:00')).toContain('The term ended on Tue Dec 9.');
  });
});

describe('deadlines, homework, readings, class', () => {
  it('deadlines say the day and date and the days left', () => {
    const text = askText(plan, 'deadlines', '2025-10-28T09:00-04:00');
    expect(text).toContain('Project proposal — due Thu Oct 30 (in 2 days)');
    expect(text).toContain('Project final report — due Tue Dec 9 (in 42 days)');
    expect(text).not.toContain('Send title');
    expect(text).not.toMatch(/hours/);
  });

  it('a deadline without a time lasts until the end of its day', () => {
    expect(askText(plan, 'deadlines', '2025-10-30T23:00-04:00')).toContain(
      'Project proposal — due Thu Oct 30 (today)',
    );
    expect(askText(plan, 'deadlines', '2025-10-31T00:30-04:00')).not.toContain('Project proposal due');
  });

  it('deadlines after the term: none, and when it ended', () => {
    const text = askText(plan, 'deadlines', '2025-12-15T09:00-05:00');
    expect(text).toContain('No upcoming deadlines or exams.');
    expect(text).toContain('The term ended on Tue Dec 9.');
  });

  it('homework shows recent releases', () => {
    const text = askText(plan, 'homework', MONDAY_EVENING);
    expect(text).toContain('HW2 — out Thu Oct 2 (11 days ago)');
    expect(text).not.toContain('HW1');
  });

  it('readings are those of the next class', () => {
    const text = askText(plan, 'readings', '2025-10-17T09:00-04:00');
    expect(text).toContain('For Class 14, Tue Oct 21 — Sparse approximation of attention');
    expect(text).toContain(
      'Readings: Sparse FlashAttention, KDEformer, DeepSeek-v3.2, DeepSeek Native Sparse Attention',
    );
  });

  it('class N answers for a past or future class, with its events', () => {
    const text = askText(plan, 'class 17', MONDAY_EVENING);
    expect(text).toContain('Class 17, Thu Oct 30 — Mamba and hybrid models');
    expect(text).toContain('Readings: Mamba, Mamba2, Nemotron');
    expect(text).toContain('Project proposal — due Thu Oct 30 (in 17 days)');
    expect(askText(plan, 'class 1', MONDAY_EVENING)).toContain('Class 1, Tue Sep 2');
  });

  it('says "Reading" before one reading and "Readings" before several', () => {
    expect(askText(plan, 'class 7', MONDAY_EVENING)).toMatch(/^ *Reading: Adam$/m);
    expect(askText(plan, 'class 8', MONDAY_EVENING)).toContain('Readings: low memory, Muon');
  });

  it('class N for a missing class gives the range and the help, and is not ok', () => {
    const result = ask(plan, 'class 99 share', at(MONDAY_EVENING));
    expect(result.ok).toBe(false);
    expect(result.share).toBe(false);
    const text = askText(plan, 'class 99', MONDAY_EVENING);
    expect(text).toContain('There is no Class 99: classes are numbered 1 to 27.');
    expect(text).toContain('What you can ask');
  });

  it.each(['0', '-1', '3.5'])('class %s is a number but not a class: the range, not the form', (n) => {
    const result = ask(plan, `class ${n}`, at(MONDAY_EVENING));
    expect(result.ok).toBe(false);
    const text = renderText(result.content);
    expect(text).toContain(`There is no Class ${n}: classes are numbered 1 to 27.`);
    expect(text).not.toContain('needs one class number');
    expect(askText(plan, 'class five', MONDAY_EVENING)).toContain(
      '`class` needs one class number, e.g. `class 13`.',
    );
  });
});

describe('ask', () => {
  it('shares only answers that worked', () => {
    expect(ask(plan, 'week share', at(MONDAY_EVENING))).toMatchObject({ ok: true, share: true });
    expect(ask(plan, 'week', at(MONDAY_EVENING))).toMatchObject({ ok: true, share: false });
    expect(ask(plan, 'nxt share', at(MONDAY_EVENING))).toMatchObject({ ok: false, share: false });
  });

  it('answers unknown requests with the help and a suggestion', () => {
    const text = askText(plan, 'deadline', MONDAY_EVENING);
    expect(text).toContain('did you mean `deadlines`?');
    expect(text).toContain('`/schedule deadlines` — upcoming deadlines and exams');
  });

  it('answers a staff word with the help, not an answer', () => {
    const result = ask(plan, 'cancel class 14', at(MONDAY_EVENING));
    expect(result.ok).toBe(false);
  });
});
