// Which course a /schedule request is for, and that a request typed in a course's channel is answered
// without waiting on anything: no promise, no timer, no call to Slack.
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/deployment/deployment.ts';
import { resolveCourse, type Resolved } from '../../src/slack/course-commands/resolve-course.ts';
import { memoryDeployment } from '../support/memory-deployment.ts';
import { fixturePlan } from './slack-kit.ts';

function twoCourses() {
  const base = fixturePlan();
  return memoryDeployment([
    { plan: { ...base, course: { ...base.course, code: 'CS 101' } }, channels: ['C0CS101'] },
    { plan: { ...base, course: { ...base.course, code: 'MA 202' } }, channels: ['C0MA202'] },
  ]);
}

function resolver(deployment: Deployment, member: string[] = []) {
  const asked: string[] = [];
  const deps = {
    deployment,
    memberChannels: async (userId: string) => {
      asked.push(userId);
      return new Set(member);
    },
    isCommandWord: (word: string) => ['next', 'week'].includes(word),
    command: '/schedule',
    log: { warn: () => {} },
  };
  return { deps, asked };
}

const who = (channelId: string) => ({ userId: 'U0STUDENT', channelId, mentions: [] });
const courseOf = (r: Resolved) =>
  r.kind === 'course' ? [r.course.plans.current().course.code, r.text] : r.kind;

describe('resolveCourse', () => {
  it("answers a request in a course's channel at once, without asking Slack", () => {
    const { deps, asked } = resolver(twoCourses());
    const resolved = resolveCourse(deps, 'next', who('C0MA202'));
    expect(resolved).not.toBeInstanceOf(Promise);
    expect(courseOf(resolved as Resolved)).toEqual(['MA 202', 'next']);
    expect(asked).toEqual([]);
  });

  it('answers a request naming its course at once, with the name taken off', () => {
    const { deps } = resolver(twoCourses());
    const resolved = resolveCourse(deps, 'cs101 week', who('D0DM'));
    expect(resolved).not.toBeInstanceOf(Promise);
    expect(courseOf(resolved as Resolved)).toEqual(['CS 101', 'week']);
  });

  it("asks Slack for the person's channels outside any course channel, and takes their only course", async () => {
    const { deps, asked } = resolver(twoCourses(), ['C0CS101', 'C0RANDOM']);
    const resolved = resolveCourse(deps, 'next', who('D0DM'));
    expect(resolved).toBeInstanceOf(Promise);
    expect(courseOf(await resolved)).toEqual(['CS 101', 'next']);
    expect(asked).toEqual(['U0STUDENT']);
  });

  it('asks which course when the person is in both or in neither', async () => {
    for (const member of [['C0CS101', 'C0MA202'], []]) {
      const { deps } = resolver(twoCourses(), member);
      const resolved = await resolveCourse(deps, 'next', who('D0DM'));
      expect(resolved.kind).toBe('reply');
    }
  });

  it('waits for a deployment that must resolve a channel name first', async () => {
    const inner = twoCourses();
    const slow: Deployment = { ...inner, courseForChannel: async (id) => inner.courseForChannel(id) };
    const { deps, asked } = resolver(slow);
    const resolved = resolveCourse(deps, 'next', who('C0MA202'));
    expect(resolved).toBeInstanceOf(Promise);
    expect(courseOf(await resolved)).toEqual(['MA 202', 'next']);
    expect(asked).toEqual([]);
  });
});
