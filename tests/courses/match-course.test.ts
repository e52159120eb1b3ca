// Naming a course in `/schedule <course> …`: exact ids, prefixes of the id or code, ambiguity, and words too
// short to name anything.
import { describe, expect, it } from 'vitest';
import { matchCourse } from '../../src/courses/match-course.ts';

const courses = [
  { id: 'cs599e1-fall-2025', code: 'CS 599 E1' },
  { id: 'cs599e2-fall-2025', code: 'CS 599 E2' },
  { id: 'ma101-fall-2025', code: 'MA 101' },
];

describe('matchCourse', () => {
  it('finds a course by its exact id in any case', () => {
    expect(matchCourse(courses, 'MA101-Fall-2025')).toEqual({ kind: 'one', course: courses[2] });
  });

  it('finds a course by a unique prefix of its code, spaces ignored', () => {
    expect(matchCourse(courses, 'cs599e2')).toEqual({ kind: 'one', course: courses[1] });
    expect(matchCourse(courses, 'ma')).toEqual({ kind: 'one', course: courses[2] });
  });

  it('lists every course an ambiguous prefix fits', () => {
    expect(matchCourse(courses, 'cs599')).toEqual({ kind: 'many', courses: [courses[0], courses[1]] });
  });

  it('names nothing with a word that fits no course or is one character long', () => {
    expect(matchCourse(courses, 'next')).toEqual({ kind: 'none' });
    expect(matchCourse(courses, 'c')).toEqual({ kind: 'none' });
    expect(matchCourse(courses, '14')).toEqual({ kind: 'none' });
  });
});
