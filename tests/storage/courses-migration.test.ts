// The courses migration on a database of the release before: every row kept under the placeholder course,
// keys unique per course from then on, and adoption moving every kind of row once.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlAnnouncements } from '../../src/storage/sql/tables/sql-announcements.ts';
import { latestSqlWatermark } from '../../src/storage/sql/tables/sql-watermarks.ts';
import { sqlLedgerOver } from '../support/sql-deps.ts';
import { coursesMigration, LEGACY_COURSE } from '../../src/storage/courses-migration.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { migrations } from '../../src/storage/migrations.ts';
import { sqlStoreOverFile } from '../../src/storage/sql/open-sql.ts';
import { adoptSqlLegacyRows } from '../../src/storage/sql/tables/sql-adopt-legacy-rows.ts';
import { tempDatabase } from '../delivery/delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase> | undefined;
afterEach(() => temp?.cleanup());

const AT = '2025-11-03T08:00:00.000-05:00';

function legacyDatabase(): string {
  temp = tempDatabase();
  const old = openDatabase(temp.path, migrations.slice(0, migrations.indexOf(coursesMigration)));
  old
    .prepare(
      "INSERT INTO ledger (key, channel, due_at, state, ts, attempts, updated_at) VALUES ('class-day:1', '#c', ?, 'posted', '1.0', 1, ?)",
    )
    .run(AT, AT);
  old
    .prepare(
      "INSERT INTO announcements (key, content, created_at) VALUES ('announce:revision-1', '{\"blocks\":[]}', ?)",
    )
    .run(AT);
  old.prepare("INSERT INTO meta (key, value) VALUES ('watermark', ?)").run(AT);
  old.close();
  return temp.path;
}

describe('the courses migration', () => {
  it('keeps the old rows under the placeholder course until one course adopts them, once', async () => {
    const path = legacyDatabase();
    const db = openDatabase(path);
    const sql = sqlStoreOverFile(db, path);
    try {
      const legacy = await sqlLedgerOver(db);
      expect((await legacy.rows(['class-day:1'])).get('class-day:1')?.state).toBe('posted');
      expect((await legacy.watermark())?.toISO()).toBe(AT);
      expect(await openSqlAnnouncements(sql, LEGACY_COURSE)).toHaveLength(1);

      expect(await adoptSqlLegacyRows(sql, 'cs1-fall-2025')).toBe(3);
      expect(await adoptSqlLegacyRows(sql, 'cs1-fall-2025')).toBe(0);
      const course = await sqlLedgerOver(db, 'cs1-fall-2025');
      expect((await course.rows(['class-day:1'])).get('class-day:1')?.ts).toBe('1.0');
      expect((await course.watermark())?.toISO()).toBe(AT);
      expect((await legacy.rows(['class-day:1'])).size).toBe(0);
      expect(await openSqlAnnouncements(sql, 'cs1-fall-2025')).toHaveLength(1);
      expect((await latestSqlWatermark(sql))?.toISO()).toBe(AT);
    } finally {
      db.close();
    }
  });

  it('lets two courses claim the same key, and each only once', async () => {
    temp = tempDatabase();
    const db = temp.open();
    try {
      const now = DateTime.fromISO(AT, { setZone: true });
      const post = { channel: '#c', at: AT };
      const a = await sqlLedgerOver(db, 'a-fall-2025');
      const b = await sqlLedgerOver(db, 'b-fall-2025');
      expect((await a.recordIntent(post, ['class-day:14'], now)).claimed).toBe(true);
      expect((await b.recordIntent(post, ['class-day:14'], now)).claimed).toBe(true);
      expect((await a.recordIntent(post, ['class-day:14'], now)).claimed).toBe(false);
      await a.markPosted(['class-day:14'], '1.1', now);
      expect((await b.rows(['class-day:14'])).get('class-day:14')?.state).toBe('sending');
    } finally {
      db.close();
    }
  });
});
