// "Which course?": one button per course carrying the request, distinct action ids, the cap with its hint,
// a request too long for a button, and reading a clicked value back.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/content/render-text.ts';
import {
  CHOOSE_COURSE_ACTIONS,
  MAX_CHOICES,
  courseChooser,
  readChoice,
} from '../../src/slack/course-commands/course-chooser.ts';
import { memoryDeployment } from '../support/memory-deployment.ts';
import { fixturePlan } from './slack-kit.ts';

function courses(n: number) {
  const base = fixturePlan();
  const specs = Array.from({ length: n }, (_, i) => ({
    plan: { ...base, course: { ...base.course, code: `CS ${100 + i}` } },
    channels: [`C0C${i}`],
  }));
  return memoryDeployment(specs).courses();
}

describe('courseChooser', () => {
  it('offers one button per course, each answering the request for that course', () => {
    const reply = courseChooser(courses(2), 'class 14', ['U0TA'], '/schedule');
    expect(renderText(reply.content)).toContain('Which course?');
    expect(reply.buttons?.map((b) => b.text)).toEqual(['CS 100 (Fall 2025)', 'CS 101 (Fall 2025)']);
    expect(reply.buttons?.every((b) => CHOOSE_COURSE_ACTIONS.test(b.actionId))).toBe(true);
    expect(new Set(reply.buttons?.map((b) => b.actionId)).size).toBe(2);
    expect(readChoice(reply.buttons?.[1]?.value)).toEqual({
      courseId: 'cs101-fall-2025',
      text: 'class 14',
      mentions: ['U0TA'],
    });
  });

  it('caps the buttons and names every course id to type instead', () => {
    const many = courses(MAX_CHOICES + 2);
    const reply = courseChooser(many, 'next', [], '/schedule');
    expect(reply.buttons).toHaveLength(MAX_CHOICES);
    const text = renderText(reply.content);
    expect(text).toContain('/schedule ID next');
    expect(text).toContain('cs111-fall-2025');
  });

  it('names at most thirty course ids, and counts the rest', () => {
    const text = renderText(courseChooser(courses(45), 'next', [], '/schedule').content);
    expect(text).toContain('cs129-fall-2025 and 15 more.');
    expect(text).not.toContain('cs130-fall-2025');
  });

  it('gives only the hint when the request is too long to ride in a button', () => {
    const reply = courseChooser(courses(2), `announce ${'x'.repeat(2100)}`, [], '/schedule');
    expect(reply.buttons).toBeUndefined();
    expect(renderText(reply.content)).toContain('cs100-fall-2025, cs101-fall-2025');
  });

  it('reads nothing from a value that is not a choice', () => {
    expect(readChoice('not json')).toBeUndefined();
    expect(readChoice(JSON.stringify({ c: 1, t: 'x' }))).toBeUndefined();
    expect(readChoice(undefined)).toBeUndefined();
  });
});
