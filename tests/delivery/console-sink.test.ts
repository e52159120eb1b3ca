// The console sink prints each post under a header with its channel and local time, and cannot look posts up.
import { describe, expect, it } from 'vitest';
import { ConsoleSink, consoleHeader } from '../../src/delivery/console-sink.ts';

describe('ConsoleSink', () => {
  it('prints the header, then the text of the post', async () => {
    const out: string[] = [];
    const sink = new ConsoleSink((text) => out.push(text));
    const result = await sink.send({
      channel: '#cs599',
      at: '2025-10-21T08:00:00-04:00',
      keys: ['class-day:class-14@2025-10-21:0d'],
      content: { blocks: [{ kind: 'header', text: 'Class 14 today' }] },
    });
    expect(result).toEqual({ ok: true });
    expect(out.join('')).toBe('── #cs599 · Tue Oct 21 8:00 AM ──\nClass 14 today\n\n');
    // It keeps no history, and says it never can: an interrupted post is printed again.
    expect(await sink.findPosted()).toMatchObject({ found: 'unknown' });
    expect(sink.canConfirm).toBe(false);
  });

  it('shows the course-local time the post carries, whatever the machine zone', () => {
    expect(consoleHeader('#x', '2025-11-02T18:00:00-05:00')).toBe('── #x · Sun Nov 2 6:00 PM ──');
  });
});
