// A site's data file whose cells are written in HTML, with work and exams in its Readings and Due columns:
// cells read as an HTML table's are, an item of the readings that is a note becomes its event, and the
// words that go on after a deadline ("… due in class on paper") stay words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/importer/cell-html.ts';
import { findNotes } from '../../src/importer/find-notes.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const csv = readFileSync(new URL('../fixtures/importer/html-cells.csv', import.meta.url), 'utf8');

describe('HTML in CSV cells', () => {
  it('reads the words and links of a cell as the HTML reader does', () => {
    expect(cellText("<strong>Intro</strong><br /><ul><li><a href='/a.pdf'>A</a></li></ul>")).toEqual({
      text: 'Intro A',
      links: [{ text: 'A', url: '/a.pdf' }],
    });
    expect(cellText('no tags < here')).toEqual({ text: 'no tags < here', links: [] });
  });
});

describe('notes in the Readings and Due columns', () => {
  const result = importSchedule(csv, { referenceYear: 2026, timezone: 'UTC' });

  it('makes events of them, with clean titles', () => {
    expect((result.plan.events ?? []).map((e) => [e.kind, e.date, e.title, e.time ?? null])).toEqual([
      ['deadline', '2026-01-15', 'Part I of the glossary due', null],
      ['exam', '2026-01-15', 'Exam I', null],
      ['deadline', '2026-01-20', 'Reading journal due', null],
      ['homework-release', '2026-01-22', 'HW2 released', null],
      ['deadline', '2026-01-29', 'HW2 due', null],
    ]);
  });

  it('keeps real readings, and says which readings it read as events', () => {
    expect(result.plan.sessions[0]!.readings).toContainEqual({
      title: "Descartes' Myth (1949)",
      url: 'https://example.edu/ryle.pdf',
    });
    expect(result.plan.sessions[2]!.readings).toEqual([{ title: 'Notes on exam anxiety' }]);
    expect(result.review.map((r) => r.message)).toContain(
      'Class 2 (Jan 15): "Exam I (in our usual room)" in the readings was read as an exam ("Exam I"); check it',
    );
  });

  it('reads a Roman-numbered exam only in capitals', () => {
    expect(findNotes('Midterm II').map((s) => s.event.title)).toEqual(['Midterm II']);
    expect(findNotes('the exam i.e. the test').map((s) => s.event.title)).toEqual([]);
  });
});
