// Linked materials written after a topic in its cell ("Overview / Slides (pdf) / Recording", "Intro
// slides | activity") leave the topic and become its readings; words that are not links stay.
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = `<html><head><title>CS 230 Systems, Spring 2026</title></head><body><table>
<tr><th>Date</th><th>Topic</th></tr>
<tr><td>2026-01-13</td><td>Overview <a href="https://ex.edu/1.pdf">/ Slides (pdf)</a> <a href="https://ex.edu/1.mp4">/ Recording</a></td></tr>
<tr><td>2026-01-15</td><td>Caches<br><a href="https://ex.edu/2">slides</a> | <a href="https://ex.edu/2a">activity</a></td></tr>
<tr><td>2026-01-20</td><td>Making slides with LaTeX</td></tr>
</table></body></html>`;

describe('materials after a topic', () => {
  const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC' });

  it('become readings with their links, and the topic keeps its own words', () => {
    expect(result.plan.sessions.map((s) => [s.topic, s.readings])).toEqual([
      [
        'Overview',
        [
          { title: 'Slides (pdf)', url: 'https://ex.edu/1.pdf' },
          { title: 'Recording', url: 'https://ex.edu/1.mp4' },
        ],
      ],
      [
        'Caches',
        [
          { title: 'slides', url: 'https://ex.edu/2' },
          { title: 'activity', url: 'https://ex.edu/2a' },
        ],
      ],
      ['Making slides with LaTeX', []],
    ]);
  });
});
