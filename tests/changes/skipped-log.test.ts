// A recorded change that no longer applies to schedule.json is logged with its summary, which quotes what
// staff typed: one line, escaped like every user text in the log.
import { describe, expect, it } from 'vitest';
import { logSkipped } from '../../src/changes/log-skipped.ts';

describe('logSkipped', () => {
  it('escapes the summary of a change that no longer applies', () => {
    const lines: string[] = [];
    logSkipped({ warn: (line) => lines.push(line) })([
      {
        revision: { id: 3, summary: 'cancelled Class 14 (Tue Oct 21): snow\nday' },
        reason: 'There is no Class 14 in the plan any more.',
      },
    ]);
    expect(lines).toEqual([
      'change #3 (cancelled Class 14 (Tue Oct 21): snow\\nday) no longer applies to schedule.json: There is no Class 14 in the plan any more.',
    ]);
  });
});
