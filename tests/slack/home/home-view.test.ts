// The Home view's pieces without Slack: the 100-block cap, long lists shortened, the calendar slot, the form
// fields turned into /schedule words the change parser accepts, and the manifest's Home settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { types } from '@slack/bolt';
import { parseChange } from '../../../src/changes/parse-change.ts';
import type { Revision } from '../../../src/changes/revision-log.ts';
import { HOME_LIST_LINES, homeCourse } from '../../../src/content/home-course.ts';
import { changeCommand, changeModal, modalMetadata } from '../../../src/slack/home/home-modals.ts';
import { capBlocks, homeView, MAX_HOME_BLOCKS } from '../../../src/slack/home/home-view.ts';
import { cs599, MONDAY } from '../../changes/plan-fixture.ts';

const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const allText = (blocks: unknown[]) => JSON.stringify(blocks);

describe('the Home view', () => {
  it('caps the tab at 100 blocks, keeping the staff buttons and saying how many were left out', () => {
    const actions: types.KnownBlock = { type: 'actions', elements: [] };
    const blocks = [...Array.from({ length: 150 }, (_, i) => section(`line ${i}`)), actions];
    const capped = capBlocks(blocks);
    expect(capped).toHaveLength(MAX_HOME_BLOCKS);
    expect(capped).toContain(actions);
    expect(capped.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '_…and 52 more not shown_' }],
    });
    expect(capBlocks(blocks.slice(0, 100))).toHaveLength(100);
  });

  it('shortens a long list of deadlines with "…and N more" and stays within the cap', () => {
    const plan = cs599();
    for (let i = 0; i < 60; i++) {
      plan.events.push({ id: `quiz-${i}`, kind: 'deadline', title: `Quiz ${i}`, date: '2025-10-24' });
    }
    const course = homeCourse({ courseId: 'cs599e1-fall-2025', plan, viewerId: 'U0PROF', now: MONDAY });
    const deadlines = course.student.blocks.find(
      (b) => b.kind === 'section' && b.heading?.startsWith('Deadlines'),
    );
    expect(deadlines?.kind === 'section' && deadlines.lines).toHaveLength(HOME_LIST_LINES);
    expect(JSON.stringify(deadlines)).toContain('…and 37 more');
    expect(homeView([course]).blocks.length).toBeLessThanOrEqual(MAX_HOME_BLOCKS);
  });

  it('leaves the start record out of Recent changes, and names the configured command for the rest', () => {
    const revision = (id: number, change: Partial<Revision['change']>, summary: string) =>
      ({ id, author: 'U0PROF', createdAt: MONDAY.toISO()!, kind: change.kind, change, summary }) as Revision;
    const history = [
      revision(1, { kind: 'file', source: 'start' }, 'started with schedule.json'),
      ...Array.from({ length: 6 }, (_, i) => revision(i + 2, { kind: 'announce' }, `announced ${i + 1}`)),
    ];
    const course = homeCourse({
      courseId: 'cs599e1-fall-2025',
      plan: cs599(),
      viewerId: 'U0PROF',
      now: MONDAY,
      staff: { history, defaultChannel: 'C0CLASS', command: '/cs599' },
    });
    const text = allText(course.staff!.blocks);
    expect(text).not.toContain('started with schedule.json');
    expect(text).toContain('…and 1 earlier (see /cs599 history)');
  });

  it('has a slot for the calendar feed, empty until there is a feed', () => {
    const plan = cs599();
    expect(
      allText(
        homeView([homeCourse({ courseId: 'cs599e1-fall-2025', plan, viewerId: 'U0X', now: MONDAY })]).blocks,
      ),
    ).not.toMatch(/calendar/i);
    const withFeed = homeCourse({
      courseId: 'cs599e1-fall-2025',
      plan,
      viewerId: 'U0X',
      now: MONDAY,
      calendarFeedUrl: 'https://bot.example/cal/abc.ics',
    });
    expect(allText(homeView([withFeed]).blocks)).toContain(
      '<https://bot.example/cal/abc.ics|Course calendar (subscribe)>',
    );
  });
});

describe('the change forms', () => {
  const pick = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const date = (value: string) => ({ value: { type: 'datepicker', selected_date: value } });
  const shift = (on: boolean) => ({
    value: { type: 'checkboxes', selected_options: on ? [{ value: 'shift' }] : [] },
  });

  it.each([
    [
      'cancel',
      { class: pick('14'), reason: text(' snow   day '), shift: shift(true) },
      'cancel 14 shift snow day',
    ],
    ['cancel', { class: pick('14'), reason: text(''), shift: shift(false) }, 'cancel 14'],
    ['move', { class: pick('15'), date: date('2025-10-24') }, 'move 15 2025-10-24'],
    [
      'extend',
      {
        deadline: pick('project-proposal-due'),
        date: date('2025-11-04'),
        time: { value: { type: 'timepicker', selected_time: '17:00' } },
      },
      'extend project-proposal-due 2025-11-04 17:00',
    ],
    ['move', { class: pick('15'), date: { value: { type: 'datepicker', selected_date: null } } }, ''],
  ] as const)('a %s form is a command the parser accepts (case %#)', (kind, values, words) => {
    expect(changeCommand(kind, values)).toBe(words);
    if (words) expect(parseChange(words, cs599(), MONDAY)).toMatchObject({ ok: true });
  });

  it('keeps a reason that starts with "shift" a reason when the option is not ticked', () => {
    const words = changeCommand('cancel', { class: pick('14'), reason: text('shifted to Zoom') });
    expect(parseChange(words, cs599(), MONDAY)).toMatchObject({
      ok: true,
      change: { kind: 'cancel', shift: false, reason: 'shifted to Zoom' },
    });
  });

  it('offers only classes and deadlines still to come, and carries its kind and course', () => {
    const modal = changeModal('cancel', 'cs599e1-fall-2025', cs599(), MONDAY);
    const options = JSON.stringify(modal.blocks[0]);
    expect(options).toContain('Class 14 · Tue Oct 21');
    expect(options).not.toContain('Class 13 ·');
    expect(modalMetadata(modal.private_metadata)).toEqual({ kind: 'cancel', course: 'cs599e1-fall-2025' });
    expect(modalMetadata('{"kind":"delete-all","course":"x"}')).toBeUndefined();
    expect(modalMetadata('not json')).toBeUndefined();
  });
});

describe('manifest.json', () => {
  it('enables the Home tab and subscribes to app_home_opened', () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'manifest.json'), 'utf8'),
    ) as {
      features: { app_home?: Record<string, boolean> };
      settings: { event_subscriptions?: { bot_events: string[] } };
    };
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      // Previews of changes made from the Home tab are sent as DMs, shown in the Messages tab (read only).
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
    expect(manifest.settings.event_subscriptions?.bot_events).toContain('app_home_opened');
  });
});

describe('a Home tab of several courses', () => {
  const sectionsOf = (code: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({ kind: 'section' as const, lines: [[`${code} line ${i}`]] }));
  /** A course part of `sections` blocks (a rendered reply holds at most 50), with its staff buttons. */
  const course = (code: string, sections: number, staffSections = 0) => ({
    id: code.toLowerCase().replace(/\W/g, ''),
    code,
    student: { blocks: sectionsOf(code, sections) },
    staff: { blocks: sectionsOf(`${code} staff`, staffSections) },
  });
  const texts = (blocks: unknown[]) => JSON.stringify(blocks);

  it('shows whole courses while they fit, and names the ones left out', () => {
    const view = homeView([course('CS 1', 45), course('CS 2 <b>', 45), course('CS 3', 45)]);
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_HOME_BLOCKS);
    const text = texts(view.blocks);
    expect(text).toContain('CS 2 &lt;b&gt; line 44');
    expect(text).not.toContain('CS 3 line');
    expect(view.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '…and 1 more of your courses not shown here (CS 3): ask in their channels.' },
      ],
    });
    // Each shown course keeps its staff buttons, carrying its own id.
    const values = view.blocks
      .filter((b) => b.type === 'actions')
      .map((b) => (b as types.ActionsBlock).elements.map((e) => (e as { value?: string }).value));
    expect(values).toEqual([
      ['cs1', 'cs1', 'cs1'],
      ['cs2b', 'cs2b', 'cs2b'],
    ]);
  });

  it('cuts a first course too long for the tab, and still names the others', () => {
    const view = homeView([course('CS 1', 50, 50), course('CS 2', 3)]);
    expect(view.blocks).toHaveLength(MAX_HOME_BLOCKS);
    const text = texts(view.blocks);
    expect(text).toContain('more not shown');
    expect(text).toContain('(CS 2): ask in their channels');
    expect(view.blocks.some((b) => b.type === 'actions')).toBe(true);
  });
});
