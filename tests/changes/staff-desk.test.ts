// The staff desk: refusal for non-staff, preview then Confirm, Cancel, expiry, undo, history, conflicts.
import { describe, expect, it } from 'vitest';
import { memoryRevisionLog } from '../../src/changes/revision-log.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { StaffDesk, type DeskReply } from '../../src/changes/staff-desk.ts';
import { renderText } from '../../src/content/render-text.ts';
import { cs599, MONDAY } from './plan-fixture.ts';

const PROF = 'U0PROF0001';
const TA = 'U0TA000001';
function setup(command?: string) {
  const lines: string[] = [];
  const source = new RevisedPlanSource(cs599(), memoryRevisionLog());
  const log = { info: (l: string) => lines.push(`info ${l}`), warn: (l: string) => lines.push(`warn ${l}`) };
  const desk = new StaffDesk({ source, instructors: [PROF, TA], log, command });
  return { source, desk, lines };
}
const text = (reply: DeskReply) => renderText(reply.content);
function previewOf(reply: DeskReply) {
  if (reply.kind !== 'preview') throw new Error(`expected a preview, got: ${text(reply)}`);
  return reply;
}

describe('StaffDesk', () => {
  it('refuses non-staff politely, changes nothing and logs the attempt', async () => {
    const { desk, source, lines } = setup();
    const reply = await desk.request('cancel 14 snow day', 'U0STUDENT1', MONDAY);
    expect(text(reply)).toBe(
      '  Sorry, only the course staff can change the schedule. Try `/schedule help` for what you can ask.',
    );
    expect(await source.history()).toEqual([]);
    expect(lines).toEqual([
      'warn staff: refused "cancel 14 snow day" from U0STUDENT1: not in COURSEBOT_INSTRUCTORS',
    ]);
  });

  it('previews exactly the announcement, and applies only on Confirm', async () => {
    const { desk, source } = setup();
    const preview = previewOf(await desk.request('cancel 14 snow day', PROF, MONDAY));
    expect(renderText(preview.announcement)).toBe(
      '  Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    );
    expect(text(preview)).toBe(
      '  Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.\n' +
        '  Confirm to apply this and post it in the class channel. The preview expires at 10:15 AM.',
    );
    expect(source.current().sessions.find((s) => s.number === 14)!.noClass).toBeUndefined();
    const applied = await desk.confirm(preview.previewId, PROF, MONDAY.plus({ minutes: 1 }));
    expect(applied).toMatchObject({
      kind: 'applied',
      announcement: preview.announcement,
      revision: { id: 1 },
    });
    expect(text(applied)).toBe('  Done (#1): cancelled Class 14 (Tue Oct 21): snow day.');
    expect(source.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    // A preview is used once.
    expect(text(await desk.confirm(preview.previewId, PROF, MONDAY))).toMatch(/no longer available/);
  });

  it('shows the staff-only notes of a shift in the preview, not in the announcement', async () => {
    const { desk } = setup();
    const preview = previewOf(await desk.request('cancel 16 shift flooding', PROF, MONDAY));
    expect(renderText(preview.announcement)).not.toMatch(/extend/);
    expect(text(preview)).toMatch(
      /Only you see this:\n {2}Project proposal due \(Thu Oct 30\) belongs to Class 17/,
    );
  });

  it('names the configured slash command in its hints, not /schedule', async () => {
    const { desk } = setup('/cs599');
    expect(text(await desk.request('cancel 14', 'U0STUDENT1', MONDAY))).toContain('Try `/cs599 help`');
    const shift = text(previewOf(await desk.request('cancel 16 shift flooding', PROF, MONDAY)));
    expect(shift).toContain('`/cs599 extend project-proposal-due 2025-11-04`');
    expect(shift).not.toContain('/schedule');
  });

  it('does nothing on Cancel, after expiry, or for another user', async () => {
    const { desk, source } = setup();
    const a = previewOf(await desk.request('cancel 14', PROF, MONDAY));
    expect(text(await desk.dismiss(a.previewId, PROF, MONDAY))).toBe('  Cancelled: nothing was changed.');
    const b = previewOf(await desk.request('cancel 14', PROF, MONDAY));
    expect(text(await desk.confirm(b.previewId, PROF, MONDAY.plus({ minutes: 16 })))).toBe(
      '  This preview has expired and did nothing: run the command again.',
    );
    const c = previewOf(await desk.request('cancel 14', PROF, MONDAY));
    expect(text(await desk.confirm(c.previewId, TA, MONDAY))).toBe(
      '  Only the staff member who asked for this preview can confirm it.',
    );
    expect(await source.history()).toEqual([]);
  });

  it('refuses the second of two previews confirmed from the same plan', async () => {
    const { desk, source } = setup();
    const first = previewOf(await desk.request('move 15 Oct 24', PROF, MONDAY));
    const second = previewOf(await desk.request('cancel 15 conference', TA, MONDAY));
    expect((await desk.confirm(first.previewId, PROF, MONDAY)).kind).toBe('applied');
    expect(text(await desk.confirm(second.previewId, TA, MONDAY))).toBe(
      '  Not applied: the schedule changed since this preview (#1 moved Class 15 from Thu Oct 23 to Fri Oct 24). Run the command again for a fresh preview.',
    );
    expect(source.current().sessions.find((s) => s.number === 15)).toMatchObject({ date: '2025-10-24' });
    expect(source.current().sessions.find((s) => s.number === 15)!.noClass).toBeUndefined();
  });

  it('previews and applies undo, and lists the history', async () => {
    const { desk } = setup();
    await desk.confirm(
      previewOf(await desk.request('extend proposal Nov 4', PROF, MONDAY)).previewId,
      PROF,
      MONDAY,
    );
    const undo = previewOf(await desk.request('undo', TA, MONDAY));
    expect(renderText(undo.announcement)).toBe(
      '  Project proposal deadline moved from Tue Nov 4 to Thu Oct 30.',
    );
    expect((await desk.confirm(undo.previewId, TA, MONDAY)).kind).toBe('applied');
    expect(text(await desk.request('undo', TA, MONDAY))).toBe('  There is no change to undo.');
    expect(text(await desk.request('history', TA, MONDAY))).toBe(
      'Changes to the schedule\n' +
        '  #1 Mon Oct 20 10:00 AM  U0PROF0001  moved project-proposal-due from Thu Oct 30 to Tue Nov 4  (undone by #2)\n' +
        '  #2 Mon Oct 20 10:00 AM  U0TA000001  undid #1 (moved project-proposal-due from Thu Oct 30 to Tue Nov 4)',
    );
  });

  it('signs a free announcement with its sender, in the preview and the post alike', async () => {
    const { desk, source } = setup();
    const preview = previewOf(await desk.request('announce Room 204 today!', TA, MONDAY));
    expect(renderText(preview.announcement)).toBe('  Room 204 today!\n  — from @U0TA000001');
    expect(text(preview).startsWith(renderText(preview.announcement))).toBe(true);
    const applied = await desk.confirm(preview.previewId, TA, MONDAY);
    expect(applied).toMatchObject({ kind: 'applied', announcement: preview.announcement });
    expect(text(applied)).toBe('  Done (#1): announced “Room 204 today!”');
    expect((await source.history())[0]!.change).toEqual({
      kind: 'announce',
      text: 'Room 204 today!',
      from: TA,
    });
  });

  it('words the undo of a shift and the history without doubled punctuation or internal names', async () => {
    const { desk } = setup();
    const shift = previewOf(await desk.request('cancel 26 shift flooding.', PROF, MONDAY));
    expect(renderText(shift.announcement)).toBe(
      '  No class on Thu Dec 4: flooding.\n' +
        '  Class 26 and the classes after it move to the next meeting:\n' +
        '  Class 26 (Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks, RoarGraph) moved from Thu Dec 4 to Tue Dec 9.\n' +
        '  Class 27 (Matryoshka Quantization) no longer has a meeting this term.',
    );
    expect(text(await desk.confirm(shift.previewId, PROF, MONDAY))).toBe(
      '  Done (#1): cancelled Class 26 (Thu Dec 4): flooding; later classes shifted.',
    );
    const undo = previewOf(await desk.request('undo', PROF, MONDAY));
    // Class 26 moving back says the day is held again; no separate "day without class is removed".
    expect(renderText(undo.announcement)).toBe(
      '  Class 26 (Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks, RoarGraph) moved from Tue Dec 9 to Thu Dec 4.\n' +
        '  New: Class 27 (Matryoshka Quantization) on Tue Dec 9.',
    );
    await desk.confirm(undo.previewId, PROF, MONDAY);
    await desk.confirm(
      previewOf(await desk.request('add homework Nov 12 HW4 posted', PROF, MONDAY)).previewId,
      PROF,
      MONDAY,
    );
    expect(
      text(await desk.request('history', PROF, MONDAY))
        .split('\n')
        .at(-1),
    ).toBe('  #3 Mon Oct 20 10:00 AM  U0PROF0001  added homework hw4-released on Wed Nov 12');
  });

  it('says "nothing to change" for a change that changes nothing, with no Confirm', async () => {
    const { desk, source } = setup();
    const topic = source.current().sessions.find((s) => s.number === 14)!.topic;
    const reply = await desk.request(`edit 14 topic ${topic}`, PROF, MONDAY);
    expect(reply.kind).toBe('message');
    expect(text(reply)).toBe('  Nothing to change: the schedule already says so.');
    expect(await source.history()).toEqual([]);
  });

  it("names the year of a day outside the term's year, in the announcement and the history", async () => {
    const { desk } = setup();
    const preview = previewOf(await desk.request('extend proposal Jan 5', PROF, MONDAY));
    expect(renderText(preview.announcement)).toBe(
      '  Project proposal deadline moved from Thu Oct 30 to Mon Jan 5, 2026.',
    );
    expect(text(await desk.confirm(preview.previewId, PROF, MONDAY))).toBe(
      '  Done (#1): moved project-proposal-due from Thu Oct 30 to Mon Jan 5, 2026.',
    );
  });

  it('restores a cancelled class without undoing the changes made after it', async () => {
    const { desk, source } = setup();
    const confirm = async (command: string) =>
      await desk.confirm(previewOf(await desk.request(command, PROF, MONDAY)).previewId, PROF, MONDAY);
    await confirm('cancel 14 snow day');
    await confirm('extend proposal Nov 4');
    const restore = previewOf(await desk.request('restore 14', PROF, MONDAY));
    expect(renderText(restore.announcement)).toBe(
      '  Class 14 (Sparse approximation of attention) is no longer cancelled: it meets on Tue Oct 21.',
    );
    expect(text(await desk.confirm(restore.previewId, PROF, MONDAY))).toBe(
      '  Done (#3): restored Class 14 (Tue Oct 21).',
    );
    expect(source.current().sessions.find((s) => s.number === 14)!.noClass).toBeUndefined();
    expect(source.current().events.find((e) => e.id === 'project-proposal-due')!.date).toBe('2025-11-04');
    expect(text(await desk.request('restore 15', PROF, MONDAY))).toBe(
      '  Class 15 (Mixture of experts) on Thu Oct 23 is not cancelled.',
    );
  });

  it('removes an event, and says nothing to change for an undo the file already made', async () => {
    const { desk, source } = setup();
    const remove = previewOf(await desk.request('remove proposal', PROF, MONDAY));
    expect(renderText(remove.announcement)).toBe(
      '  Project proposal deadline on Thu Oct 30 is removed from the schedule.',
    );
    await desk.confirm(remove.previewId, PROF, MONDAY);
    expect(source.current().events.some((e) => e.id === 'project-proposal-due')).toBe(false);
    // The file is edited to leave the event out too: undoing the removal would change nothing.
    source.replaceBase({ ...cs599(), events: cs599().events.filter((e) => e.id !== 'project-proposal-due') });
    expect(text(await desk.request('undo', PROF, MONDAY))).toBe(
      '  Nothing to change: undoing #1 (removed project-proposal-due (Thu Oct 30)) would leave the schedule as it is.',
    );
  });

  it('notifies the channel only when staff end the command with --notify or @channel', async () => {
    const { desk, source } = setup();
    const plain = previewOf(await desk.request('announce Ping @channel today', PROF, MONDAY));
    expect(JSON.stringify(plain.announcement)).not.toContain('!channel');
    const loud = previewOf(await desk.request('cancel 14 snow day --notify', PROF, MONDAY));
    expect(renderText(loud.announcement)).toBe(
      '  @channel Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    );
    expect(await desk.confirm(loud.previewId, PROF, MONDAY)).toMatchObject({ kind: 'applied' });
    expect((await source.history())[0]!).toMatchObject({
      change: { reason: 'snow day' },
      summary: 'cancelled Class 14 (Tue Oct 21): snow day (with @channel)',
    });
    expect(
      previewOf(await desk.request('extend proposal Nov 4 @channel', PROF, MONDAY)).announcement.blocks[0],
    ).toMatchObject({
      lines: [[{ kind: 'mention', userId: '!channel' }, ' ', expect.any(String)]],
    });
  });

  it('answers a bad command with the reason', async () => {
    const { desk } = setup();
    expect(text(await desk.request('cancel 3', PROF, MONDAY))).toBe(
      '  Class 3 (Intro to GPUs, flash attention) was on Tue Sep 9: it is past.',
    );
  });
});
