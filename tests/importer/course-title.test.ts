import { describe, expect, it } from 'vitest';
import { courseFromHeading } from '../../src/importer/course-info.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = (heading: string) => `<!doctype html>
<html><body>
<h1>${heading}</h1>
<table>
  <tr><th>Date</th><th>Topic</th></tr>
  <tr><td>Tue Jan 20</td><td>Arrays</td></tr>
  <tr><td>Thu Jan 22</td><td>Lists</td></tr>
  <tr><td>Tue Apr 28</td><td>Review</td></tr>
</table>
</body></html>`;

describe('the course title of an imported page', () => {
  it('leaves out the term, which is the course’s term, not part of its title', () => {
    const { plan } = importSchedule(page('CS 210: Data Structures — Spring 2026'), {
      referenceYear: 2026,
      timezone: 'America/New_York',
    });
    expect(plan.course).toEqual({
      code: 'CS 210',
      title: 'Data Structures',
      timezone: 'America/New_York',
      term: 'Spring 2026',
    });
  });

  it.each([
    ['CS 210: Data Structures — Spring 2026', 'Data Structures'],
    ['CS 210: Data Structures - Fall 2025', 'Data Structures'],
    ['CS 210: Data Structures, Winter 2026', 'Data Structures'],
    ['CS 210: Data Structures (Summer 2025)', 'Data Structures'],
    ['CS 210: Data Structures (fall semester 2025)', 'Data Structures'],
    ['CS 210: Spring 2026 — Data Structures', 'Data Structures'],
    ['CS 599 E1: Algorithms for Machine Learning', 'Algorithms for Machine Learning'],
    ['CS 101: Nightfall 2025 and Other Stories', 'Nightfall 2025 and Other Stories'],
  ])('"%s" has the title "%s"', (heading, title) => {
    expect(courseFromHeading(heading).title).toBe(title);
  });

  it('finds no title in a heading that is only the code and the term', () => {
    expect(courseFromHeading('CS 210: Spring 2026')).toEqual({ code: 'CS 210' });
  });
});

describe('a course code with no separator after it', () => {
  it('is found, and the term is left out of the title', () => {
    expect(courseFromHeading('INF 301 Databases — Winter term')).toEqual({
      code: 'INF 301',
      title: 'Databases',
    });
    expect(courseFromHeading('GEO 115 Maps and Mapping — Fall 2019')).toEqual({
      code: 'GEO 115',
      title: 'Maps and Mapping',
    });
  });
});
