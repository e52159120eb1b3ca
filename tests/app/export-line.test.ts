// `coursebot export -o FILE` ends with one plain line for the person at the terminal, not a log event.
import { describe, expect, it } from 'vitest';
import { wroteLine } from '../../src/cli/commands/export.ts';

describe('wroteLine', () => {
  it('names the file written, the plan it holds and how many changes it carries', () => {
    expect(wroteLine('schedule.json', './schedule.json', 3)).toBe(
      'Wrote schedule.json: the plan with 3 changes.',
    );
    expect(wroteLine('out.json', 'schedule.json', 1)).toBe(
      'Wrote out.json: the plan of schedule.json with 1 change.',
    );
    expect(wroteLine('schedule.json', 'schedule.json', 0)).toBe(
      'Wrote schedule.json: the plan with no changes.',
    );
  });
});
