// What is remembered per plan is computed once per plan object, and only for the plans used last.
import { describe, expect, it } from 'vitest';
import { recentPlans } from '../../src/plan/per-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

const plans = Array.from({ length: 4 }, (_, i) => ({ course: { code: `CS ${i}` } }) as unknown as Plan);

describe('recentPlans', () => {
  it('computes once per plan object while the plan stays among the recent ones', () => {
    let computed = 0;
    const of = recentPlans((plan) => ({ code: plan.course.code, n: ++computed }), 2);
    const first = of(plans[0]!);
    expect(of(plans[0]!)).toBe(first);
    expect(of({ ...plans[0]! })).not.toBe(first);
    expect(computed).toBe(2);
  });

  it('drops the plan used least recently, never one used again since', () => {
    let computed = 0;
    const of = recentPlans(() => ++computed, 2);
    of(plans[0]!);
    of(plans[1]!);
    of(plans[0]!); // used again: plans[1] is now the oldest
    of(plans[2]!);
    expect(computed).toBe(3);
    expect(of(plans[0]!)).toBe(1);
    expect(of(plans[2]!)).toBe(3);
    expect(of(plans[1]!)).toBe(4);
  });
});
