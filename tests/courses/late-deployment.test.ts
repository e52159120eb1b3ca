// A deployment handed to the Slack app before it exists: empty and refusing until then, itself afterwards.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { lateDeployment } from '../../src/courses/late-deployment.ts';
import type { Deployment } from '../../src/deployment/deployment.ts';
import { memoryDeployment } from '../support/memory-deployment.ts';
import { fixturePlan } from '../slack/slack-kit.ts';

describe('lateDeployment', () => {
  it('serves no course and refuses changes until the deployment exists, then answers from it', async () => {
    const made: { real?: Deployment } = {};
    const late = lateDeployment(() => made.real);
    expect(late.courses()).toEqual([]);
    expect(await late.courseForChannel('C0CLASS')).toBeUndefined();
    expect(late.maySetUp('U0ADMIN')).toBe(false);
    const plan = fixturePlan();
    const now = DateTime.fromISO('2025-10-13T18:00:00-04:00');
    expect(
      await late.setUp({ plan, channelId: 'C0NEW', userId: 'U0ADMIN', url: 'https://x.edu', now }),
    ).toEqual({
      ok: false,
      message: 'the bot is still starting: try again in a moment',
    });

    made.real = memoryDeployment([{ plan, channels: ['C0CLASS'], staff: ['U0PROF'] }], {
      admins: ['U0ADMIN'],
    });
    const course = await late.courseForChannel('C0CLASS');
    expect(course?.id).toBe('cs599e1-fall-2025');
    expect(late.isStaff(course!, 'U0PROF')).toBe(true);
    expect(late.maySetUp('U0ADMIN')).toBe(true);
  });
});
