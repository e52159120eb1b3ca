// The deployment runtime on a real database: two courses with the same class the same morning, a tick that
// passes over courses with nothing due, and setup, staff and retirement kept across a restart.
import { sqlDepsOver } from '../support/sql-deps.ts';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { DerivePosts } from '../../src/delivery/due-posts.ts';
import type { CourseSpec } from '../../src/deployment/course-spec.ts';
import { withStoredCourses } from '../../src/deployment/course-specs.ts';
import { RunningDeployment } from '../../src/deployment/running-deployment.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { SqlCourseStore } from '../../src/storage/sql/tables/sql-courses.ts';
import type { Database } from '../../src/storage/database.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { MemoryLogger, RecordingSink, tempDatabase } from '../delivery/delivery-kit.ts';

const ZONE = 'America/New_York';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

function planOf(code: string, channel?: string, staff?: string[]): Plan {
  const parsed = parsePlanText(
    JSON.stringify({
      course: {
        code,
        title: `${code} course`,
        timezone: ZONE,
        term: 'Fall 2025',
        ...(staff ? { staff } : {}),
      },
      sessions: [13, 14].map((n) => ({
        number: n,
        date: n === 13 ? '2025-11-03' : '2025-11-05',
        topic: `${code} topic ${n}`,
      })),
      reminders: {
        ...(channel ? { channels: { default: channel } } : {}),
        classDay: { enabled: true, time: '08:00' },
        weeklyDigest: { enabled: false },
      },
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.plan;
}

const fileSpec = (code: string, channel: string, staff?: string[]): CourseSpec => {
  const plan = planOf(code, channel, staff);
  return {
    id: `${code.toLowerCase().replace(/\s+/g, '')}-fall-2025`,
    source: { kind: 'file', path: `${code}.json` },
    plan,
    home: channel,
    configuredStaff: [],
  };
};

let temp: ReturnType<typeof tempDatabase> | undefined;
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  temp?.cleanup();
});

async function deploymentOn(
  db: Database,
  specs: CourseSpec[],
  clock: ManualClock,
  options: { derive?: DerivePosts } = {},
) {
  const sink = new RecordingSink();
  const deps = await sqlDepsOver(db);
  const store = new SqlCourseStore(deps.sql, deps.retry);
  const deployment = await RunningDeployment.open(await withStoredCourses(specs, store), {
    ...deps,
    store,
    sink,
    clock,
    logger: new MemoryLogger(),
    derive: () => options.derive ?? derivePosts,
    admins: ['U0ADMIN'],
    openSetup: false,
    channelId: async (channel) => ({ '#cs101': 'C0CS101', '#ma202': 'C0MA202' })[channel] ?? channel,
  });
  return { deployment, sink };
}

function database(): Database {
  temp ??= tempDatabase();
  const db = temp.open();
  open.push(db);
  return db;
}

describe('RunningDeployment', () => {
  it('sends each course its own Class 14 post to its own channel, once', async () => {
    const clock = new ManualClock(at('2025-11-04T20:00'));
    const { deployment, sink } = await deploymentOn(
      database(),
      [fileSpec('CS 101', '#cs101'), fileSpec('MA 202', '#ma202')],
      clock,
    );
    await deployment.start(clock.now());
    await deployment.tick();
    clock.set(at('2025-11-05T08:00:05'));
    await deployment.tick();
    await deployment.tick();
    expect(sink.sent.map((m) => m.channel).sort()).toEqual(['#cs101', '#ma202']);
    expect(new Set(sink.sent.map((m) => m.keys.join()))).toHaveProperty('size', 1);
    expect(await deployment.courseForChannel('C0MA202')).toBe(deployment.course('ma202-fall-2025'));
    expect(await deployment.courseForChannel('C0OTHER')).toBeUndefined();
  });

  it('passes over a course until its next post is due', async () => {
    const clock = new ManualClock(at('2025-11-04T20:00'));
    let derived = 0;
    const counting: DerivePosts = (plan, window, options) => {
      derived++;
      return derivePosts(plan, window, options);
    };
    const { deployment, sink } = await deploymentOn(database(), [fileSpec('CS 101', '#cs101')], clock, {
      derive: counting,
    });
    await deployment.start(clock.now());
    await deployment.tick();
    const afterFirst = derived;
    for (let i = 0; i < 20; i++) {
      clock.advance({ seconds: 15 });
      await deployment.tick();
    }
    expect(derived).toBe(afterFirst);
    // Its progress is still recorded now and then, so a restart sees no missed posts.
    clock.advance({ minutes: 10 });
    await deployment.tick();
    expect((await deployment.course('cs101-fall-2025')!.ledger.watermark())!.toMillis()).toBe(
      clock.now().toMillis(),
    );
    expect(derived).toBe(afterFirst);
    clock.set(at('2025-11-05T08:00:01'));
    await deployment.tick();
    expect(derived).toBeGreaterThan(afterFirst);
    expect(sink.sent).toHaveLength(1);
  });

  it('keeps a course set up from Slack, its staff and its retirement across a restart', async () => {
    const clock = new ManualClock(at('2025-11-03T12:00'));
    const db = database();
    const first = await deploymentOn(db, [fileSpec('CS 101', '#cs101', ['U0PROF'])], clock);
    await first.deployment.start(clock.now());
    const refused = await first.deployment.setUp({
      plan: planOf('BIO 9'),
      channelId: 'C0BIO',
      userId: 'U0NOBODY',
      url: 'https://x.test/bio.html',
      now: clock.now(),
    });
    expect(refused).toMatchObject({ ok: false });
    const made = await first.deployment.setUp({
      plan: planOf('BIO 9'),
      channelId: 'C0BIO',
      userId: 'U0ADMIN',
      url: 'https://x.test/bio.html',
      now: clock.now(),
    });
    expect(made).toMatchObject({ ok: true, created: true });
    const bio = first.deployment.course('bio9-fall-2025')!;
    expect(bio.homeChannel()).toBe('C0BIO');
    expect(await first.deployment.addStaff(bio, 'U0TA', 'U0ADMIN', clock.now())).toMatchObject({ ok: true });
    const cs = first.deployment.course('cs101-fall-2025')!;
    // Staff rights are per course: the CS instructor is staff of CS only; the admin of both.
    expect(first.deployment.isStaff(cs, 'U0PROF')).toBe(true);
    expect(first.deployment.isStaff(bio, 'U0PROF')).toBe(false);
    expect(first.deployment.isStaff(bio, 'U0TA')).toBe(true);
    expect(await first.deployment.addStaff(bio, 'U0X', 'U0PROF', clock.now())).toMatchObject({ ok: false });
    expect(await first.deployment.retire(cs, 'U0PROF', clock.now())).toMatchObject({ ok: true });
    await first.deployment.stop();

    clock.set(at('2025-11-05T08:00:05'));
    const second = await deploymentOn(db, [fileSpec('CS 101', '#cs101', ['U0PROF'])], clock);
    await second.deployment.start(clock.now());
    await second.deployment.tick();
    const bioAgain = second.deployment.course('bio9-fall-2025')!;
    expect(bioAgain.source).toEqual({ kind: 'slack', url: 'https://x.test/bio.html' });
    expect(bioAgain.staff()).toEqual(['U0ADMIN', 'U0TA']);
    expect(second.deployment.course('cs101-fall-2025')!.retiredAt()).toBeDefined();
    // The retired course posts nothing; the Slack course's Class 14 goes to its channel.
    expect(second.sink.sent.map((m) => m.channel)).toEqual(['C0BIO']);
    expect(await second.deployment.courseForChannel('C0BIO')).toBe(bioAgain);
  });

  it('replaces a Slack course’s plan as a recorded, announced revision when setup is typed again', async () => {
    const clock = new ManualClock(at('2025-11-03T12:00'));
    const { deployment, sink } = await deploymentOn(database(), [fileSpec('CS 101', '#cs101')], clock);
    await deployment.start(clock.now());
    await deployment.setUp({
      plan: planOf('BIO 9'),
      channelId: 'C0BIO',
      userId: 'U0ADMIN',
      url: 'https://x.test/a',
      now: clock.now(),
    });
    const changed = planOf('BIO 9');
    changed.sessions[1] = { ...changed.sessions[1]!, topic: 'Cells, revised' };
    const again = await deployment.setUp({
      plan: changed,
      channelId: 'C0BIO',
      userId: 'U0ADMIN',
      url: 'https://x.test/b',
      now: clock.now(),
    });
    expect(again).toMatchObject({ ok: true, created: false });
    const bio = deployment.course('bio9-fall-2025')!;
    expect(bio.plans.current().sessions[1]!.topic).toBe('Cells, revised');
    await deployment.tick();
    // The difference is announced in the course's channel, as a file reload is.
    expect(sink.sent.map((m) => m.channel)).toEqual(['C0BIO']);
    expect(sink.sent[0]!.keys[0]).toMatch(/^announce:/);
  });

  it('gives a channel one course when two setups of different pages are confirmed at once', async () => {
    const clock = new ManualClock(at('2025-11-03T12:00'));
    const { deployment } = await deploymentOn(database(), [fileSpec('CS 101', '#cs101')], clock);
    await deployment.start(clock.now());
    const request = (code: string) => ({
      plan: planOf(code),
      channelId: 'C0LAB',
      userId: 'U0ADMIN',
      url: `https://x.test/${code}.html`,
      now: clock.now(),
    });
    const [first, second] = await Promise.all([
      deployment.setUp(request('BIO 9')),
      deployment.setUp(request('CHEM 5')),
    ]);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: false });
    expect(second.ok ? '' : second.message).toContain('bio9-fall-2025');
    expect(
      deployment
        .courses()
        .filter((c) => c.homeChannel() === 'C0LAB')
        .map((c) => c.id),
    ).toEqual(['bio9-fall-2025']);
  });

  it('keeps the staff in memory, and picks up what another instance changed on refresh', async () => {
    const clock = new ManualClock(at('2025-11-03T12:00'));
    const db = database();
    const specs = () => [fileSpec('CS 101', '#cs101', ['U0PROF'])];
    const one = (await deploymentOn(db, specs(), clock)).deployment;
    const two = (await deploymentOn(db, specs(), clock)).deployment;
    await one.start(clock.now());
    await two.start(clock.now());
    const cs = one.course('cs101-fall-2025')!;
    const other = two.course('cs101-fall-2025')!;
    expect(await one.addStaff(cs, 'U0TA', 'U0PROF', clock.now())).toMatchObject({ ok: true });
    // Said at once on this instance, from memory; the other reads the store only when asked to.
    expect(cs.staff()).toEqual(['U0PROF', 'U0TA']);
    expect(other.staff()).toEqual(['U0PROF']);
    const preview = await cs.desk.request('cancel 14 snow day', 'U0PROF', clock.now());
    if (preview.kind !== 'preview') throw new Error('no preview');
    expect(await cs.desk.confirm(preview.previewId, 'U0PROF', clock.now())).toMatchObject({
      kind: 'applied',
    });
    expect(await one.retire(cs, 'U0PROF', clock.now())).toMatchObject({ ok: true });

    await two.refresh();
    expect(other.staff()).toEqual(['U0PROF', 'U0TA']);
    expect(other.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    expect(other.retiredAt()).toBeDefined();
    expect(await one.removeStaff(cs, 'U0TA', 'U0PROF', clock.now())).toMatchObject({ ok: true });
    expect(cs.staff()).toEqual(['U0PROF']);
    await other.refreshStaff();
    expect(other.staff()).toEqual(['U0PROF']);
  });
});
