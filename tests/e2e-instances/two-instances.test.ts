// Real `coursebot start` processes sharing one store through a morning burst: 100 courses of the benchmark's
// department, each with a class-day post due at 08:00, against a fake Slack that answers every call 300 ms
// late. Every post must land exactly once (by channel and metadata key) when:
//  - on SQLite, the one process is killed with SIGKILL mid-burst and started again;
//  - on PostgreSQL, one of two instances is killed mid-burst: the survivor finishes within a send lease
//    and a tick;
//  - on PostgreSQL, the database goes away for a few seconds mid-burst (a proxy between the bots and the
//    server is cut, then restored).
// And on PostgreSQL a Confirm clicked on the other instance's preview applies once. The bursts run side
// by side, each with its own folder, fake Slack and schema (DATABASE_URL's options=-c search_path=…);
// everything stays on 127.0.0.1.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TICK_MS } from '../../bench/morning-burst.ts';
import { signedInteraction, signedSlashCommand } from '../fakes/signed-request.ts';
import type { SlashCommandFields } from '../fakes/payloads.ts';
import { SIGNING_SECRET } from '../slack/slack-kit.ts';
import { killBots } from '../support/bot-process.ts';
import {
  burstDepartment,
  EIGHT,
  TEST_LEASE_MS,
  waitUntil,
  type BurstDepartment,
  type Instance,
} from '../support/burst-instances.ts';
import { adminQuery, createTestSchema, postgresForTests, type TestSchema } from '../support/postgres.ts';
import { buttonsOf, type Reply } from '../support/slack-replies.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';

const server = postgresForTests();
const COURSES = 100;
/** 24 posts in flight per process, each 300 ms at the fake Slack: a burst of a few seconds. */
const LATENCY_MS = 300;
/** From the first spawn to 08:00 on the bots' clocks: time for every instance to start and tick once. */
const START_MS = 30_000;
/** How long a start may take on a busy machine (100 courses loaded, sends in flight looked up). */
const STARTUP_MS = 40_000;
/** A tick's sends take this long at most once it has begun (a few rounds of 300 ms calls). */
const SEND_MS = 5_000;
/** After an interruption: the lease runs out, the next tick takes the posts over and sends them. */
const FINISH_MS = TEST_LEASE_MS + TICK_MS + SEND_MS;
/** Started, up to two slots before the burst, then an interruption and a finish. */
const BURST_TEST_MS = STARTUP_MS + 2 * TICK_MS + FINISH_MS + 10_000;

afterAll(() => killBots());

/** A department for one test, closed (its bots killed) whatever the test's outcome. */
async function withDepartment(courses: number, test: (dep: BurstDepartment) => Promise<void>): Promise<void> {
  const dep = await burstDepartment({ courses, latencyMs: LATENCY_MS, startMs: START_MS });
  try {
    await test(dep);
  } finally {
    await dep.close();
  }
}

/**
 * The premise of a shared burst: every instance was up before 08:00 on its clock, so none came in late to
 * find every post already due. A machine too busy to start in time fails here, saying so.
 */
function expectUpBeforeEight(...instances: Instance[]): void {
  for (const instance of instances) {
    const at = Number.isNaN(instance.clockAtReady) ? '?' : new Date(instance.clockAtReady).toISOString();
    expect(
      instance.clockAtReady,
      `${instance.name} was up at ${at} on its clock: raise START_MS`,
    ).toBeLessThan(EIGHT);
  }
}

/** Waits until `instance` has sent a few posts, the burst still going; returns when it was killed. */
async function killMidBurst(dep: BurstDepartment, instance: Instance): Promise<number> {
  await waitUntil(
    'the burst',
    () => instance.posted() >= 5,
    STARTUP_MS + 2 * TICK_MS,
    () => instance.out(),
  );
  expect(dep.landed(), 'the burst was over before the kill: slow the fake Slack').toBeLessThan(COURSES);
  await instance.kill();
  return Date.now();
}

/** Every channel has its post; then a moment more, in which nothing may land again. */
async function waitForEveryPost(dep: BurstDepartment, ms: number, ...instances: Instance[]): Promise<void> {
  await waitUntil(
    `all ${COURSES} posts`,
    () => dep.landed() === COURSES,
    ms,
    () => [`${dep.landed()} landed`, ...instances.map((i) => `${i.name}:\n${unusual(i.out())}`)].join('\n'),
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

/** A bot's output without the hundred lines of posts sent or found sent: what is left tells what went wrong. */
const unusual = (out: string): string =>
  out
    .split('\n')
    .filter((line) => !/: (posted|found) \d+ reminder\(s\)/.test(line))
    .join('\n');

function expectEachPostOnce(dep: BurstDepartment): void {
  expect(dep.tally()).toMatchObject({ expected: COURSES, posted: COURSES, duplicates: 0, missing: 0 });
  expect(dep.fake.messages()).toHaveLength(COURSES);
}

describe.concurrent('a morning burst interrupted', () => {
  it(
    'on SQLite, one process killed mid-burst and started again: every post lands exactly once',
    { timeout: BURST_TEST_MS + STARTUP_MS },
    () =>
      withDepartment(COURSES, async (dep) => {
        const env = { COURSEBOT_DB: join(dep.dir, 'coursebot.db') };
        const first = await dep.start('first', env);
        expectUpBeforeEight(first);
        await killMidBurst(dep, first);
        // The same file: its instance lock is free once its pid is gone, and the sends it had in flight
        // are looked up at Slack before anything is sent again.
        const restarted = await dep.start('restarted', env);
        await waitForEveryPost(dep, FINISH_MS, first, restarted);
        expectEachPostOnce(dep);
        expect(dep.lastLandedAt() - restarted.readyAt).toBeLessThanOrEqual(FINISH_MS);
      }),
  );

  it.skipIf(!server)(
    'on PostgreSQL, one of two instances killed mid-burst: every post lands exactly once, the survivor done within a lease and a tick',
    { timeout: BURST_TEST_MS },
    () =>
      withSchema((schema) =>
        withDepartment(COURSES, async (dep) => {
          const env = { DATABASE_URL: schema.url };
          const [a, b] = await Promise.all([dep.start('A', env), dep.start('B', env)]);
          expectUpBeforeEight(a, b);
          const killedAt = await killMidBurst(dep, a);
          await waitForEveryPost(dep, FINISH_MS, a, b);
          // What A had claimed is B's once A's leases ran out: found at Slack, or sent, and recorded.
          await waitForLedger(schema, COURSES, killedAt + FINISH_MS);
          expectEachPostOnce(dep);
          // B shared the burst, and took over what A had claimed when it died.
          expect(b.posted()).toBeGreaterThan(0);
          expect(dep.lastLandedAt() - killedAt).toBeLessThanOrEqual(FINISH_MS);
          await expectLedgerIn(schema, COURSES);
        }),
      ),
  );

  it.skipIf(!server)(
    'on PostgreSQL, the database away mid-burst: every post lands exactly once when it is back',
    { timeout: BURST_TEST_MS },
    () =>
      withSchema((schema) =>
        withDepartment(COURSES, async (dep) => {
          const target = new URL(server!);
          const proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
          try {
            const env = { DATABASE_URL: proxy.urlFor(schema.url) };
            const [a, b] = await Promise.all([dep.start('A', env), dep.start('B', env)]);
            expectUpBeforeEight(a, b);
            await waitUntil('the burst', () => dep.landed() >= 10, STARTUP_MS + 2 * TICK_MS);
            expect(dep.landed(), 'the burst was over before the cut: slow the fake Slack').toBeLessThan(
              COURSES,
            );
            await proxy.cut();
            await new Promise((resolve) => setTimeout(resolve, 3000));
            await proxy.restore();
            const restoredAt = Date.now();
            await waitForEveryPost(dep, FINISH_MS, a, b);
            await waitForLedger(schema, COURSES, restoredAt + FINISH_MS);
            expectEachPostOnce(dep);
            expect(dep.lastLandedAt() - restoredAt).toBeLessThanOrEqual(FINISH_MS);
            // An instance that met the outage told it in one line when it began and one when it ended.
            const told = [a, b].filter((i) => i.out().includes('is unreachable'));
            expect(told.length).toBeGreaterThan(0);
            for (const instance of told) {
              expect(instance.out().match(/is unreachable/g), instance.out()).toHaveLength(1);
              expect(instance.out()).toMatch(/database .* is back after/);
            }
            await expectLedgerIn(schema, COURSES);
          } finally {
            await proxy.stop();
          }
        }),
      ),
  );
});

describe.skipIf(!server)('a preview on one instance, its Confirm on the other', () => {
  it('applies the change once and announces it once', { timeout: STARTUP_MS + 20_000 }, () =>
    withSchema((schema) =>
      withDepartment(2, async (dep) => {
        const env = { DATABASE_URL: schema.url };
        const [a, b] = await Promise.all([dep.start('A', env), dep.start('B', env)]);
        // The first course's staff member, in its channel (bench/department-plans.ts).
        const where = { user_id: 'U0STAFF00000', channel_id: dep.courses[0]!.channel };
        const preview = await command(dep, a, { ...where, text: 'cancel 10 snow day' });
        const confirm = buttonsOf(preview).find((button) => button.action_id === 'staff_change_confirm');
        expect(confirm, preview.text).toBeDefined();

        // Each plan file is recorded as a revision at the start: the change is one more.
        const revisions = async () =>
          (await adminQuery(server!, `select count(*)::int as n from ${schema.name}.revisions`)).rows[0].n;
        const before = await revisions();
        const applied = await click(dep, b, confirm!, where);
        expect(applied.text).toMatch(/^Done \(#\d+\)/);
        expect(applied.text).toContain('Announced in');
        // A second click, on the instance that showed the preview: nothing happens twice.
        const again = await click(dep, a, confirm!, where);
        expect(again.text).toContain('no longer available');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const announced = dep.fake
          .messages(where.channel_id)
          .filter((m) => /snow day/.test(JSON.stringify(m)));
        expect(announced).toHaveLength(1);
        expect(await revisions()).toBe(before + 1);
      }),
    ),
  );
});

async function withSchema(test: (schema: TestSchema) => Promise<void>): Promise<void> {
  const schema = await createTestSchema(server!);
  try {
    await test(schema);
  } finally {
    await schema.drop();
  }
}

/** Polls the ledger until every post is recorded as posted, or `deadline` (epoch ms) has passed. */
async function waitForLedger(schema: TestSchema, courses: number, deadline: number): Promise<void> {
  const posted = async () =>
    (await adminQuery(server!, `select count(*)::int as n from ${schema.name}.ledger where state = 'posted'`))
      .rows[0].n as number;
  while ((await posted()) < courses && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every post recorded once, in the test's own schema: the store's migrations honoured the search path. */
async function expectLedgerIn(schema: TestSchema, courses: number): Promise<void> {
  const { rows } = await adminQuery(
    server!,
    `select count(*)::int as posted, count(distinct course_id)::int as courses
       from ${schema.name}.ledger where state = 'posted'`,
  );
  expect(rows).toEqual([{ posted: courses, courses }]);
}

/** A signed slash command to one instance: its answer, in the ack or (a slow one) at the response_url. */
async function command(
  dep: BurstDepartment,
  to: Instance,
  fields: Partial<SlashCommandFields>,
): Promise<Reply> {
  const response_url = dep.fake.responseUrl();
  const response = await signedSlashCommand({
    url: `http://127.0.0.1:${to.port}/slack/events`,
    secret: SIGNING_SECRET,
    fields: { ...fields, response_url },
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  if (text) return JSON.parse(text) as Reply;
  return answerAt(dep, response_url);
}

/** A signed button click delivered to one instance; resolves with what it sent to the response_url. */
async function click(
  dep: BurstDepartment,
  to: Instance,
  button: { action_id: string; value?: string },
  where: { user_id: string; channel_id: string },
): Promise<Reply> {
  const response_url = dep.fake.responseUrl();
  const response = await signedInteraction({
    url: `http://127.0.0.1:${to.port}/slack/events`,
    secret: SIGNING_SECRET,
    actions: [
      { action_id: button.action_id, ...(button.value === undefined ? {} : { value: button.value }) },
    ],
    userId: where.user_id,
    channelId: where.channel_id,
    response_url,
  });
  expect(response.status).toBe(200);
  return answerAt(dep, response_url);
}

async function answerAt(dep: BurstDepartment, responseUrl: string): Promise<Reply> {
  await waitUntil(`an answer at ${responseUrl}`, () => dep.fake.responses(responseUrl).length > 0, 10_000);
  return dep.fake.responses(responseUrl)[0]!.body as Reply;
}
