import { describe, expect, it } from 'vitest';
import { planHash } from '../../src/changes/plan-hash.ts';

const plan = () => ({
  course: { code: 'CS 1', timezone: 'UTC' },
  sessions: [{ date: '2025-09-02', topic: 'Intro', x: undefined }],
});

describe('planHash', () => {
  it('is stable across versions: an export recorded by an earlier release is still recognised', () => {
    expect(planHash(plan())).toBe('4f164af9d9409-5e');
  });

  it('ignores key order and undefined members, and tells different content apart', () => {
    const reordered = {
      sessions: [{ topic: 'Intro', date: '2025-09-02' }],
      course: { timezone: 'UTC', code: 'CS 1' },
    };
    expect(planHash(reordered)).toBe(planHash(plan()));
    expect(planHash({ ...plan(), sessions: [] })).not.toBe(planHash(plan()));
  });

  it('gives the same object the same hash each time, and values their own', () => {
    const one = plan();
    expect(planHash(one)).toBe(planHash(one));
    expect(planHash('text')).toBe(planHash('text'));
    expect(planHash(null)).not.toBe(planHash('null '));
  });
});
