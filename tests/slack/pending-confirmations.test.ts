// Setup and retire previews: used once, only by whoever asked, and never after they expire.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PendingConfirmations } from '../../src/slack/course-commands/pending-confirmations.ts';

const NOW = DateTime.fromISO('2025-10-13T18:00:00-04:00', { setZone: true });

describe('PendingConfirmations', () => {
  it('gives the value back once, to the person who asked', async () => {
    const pending = new PendingConfirmations<string>('course-retire', { minutes: 15 });
    const { id } = await pending.hold('cs101', 'U0ADMIN', NOW);
    expect(await pending.take(id, 'U0OTHER', NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Only the person'),
    });
    expect(await pending.take(id, 'U0ADMIN', NOW)).toEqual({ ok: true, value: 'cs101' });
    expect(await pending.take(id, 'U0ADMIN', NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no longer available'),
    });
  });

  it('refuses a preview once its minutes are up', async () => {
    const pending = new PendingConfirmations<string>('course-retire', { minutes: 15 });
    const { id, expiresAt } = await pending.hold('cs101', 'U0ADMIN', NOW);
    expect(expiresAt.toISO()).toBe(NOW.plus({ minutes: 15 }).toISO());
    expect(await pending.take(id, 'U0ADMIN', NOW.plus({ minutes: 16 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('expired'),
    });
  });
});
