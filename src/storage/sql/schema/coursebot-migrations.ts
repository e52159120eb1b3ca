import type { SqlMigration } from '../migrate.ts';
import { announcementOrder } from './announcement-order.ts';
import { confirmationsTable } from './confirmations-table.ts';
import { courseTicks } from './course-ticks.ts';
import { ledgerLeases } from './ledger-leases.ts';
import { releaseBaseline } from './release-baseline.ts';
import { slackDeliveriesTable } from './slack-deliveries-table.ts';

/**
 * The bot's schema on SQLite and PostgreSQL, oldest first. APPEND ONLY: a database records in
 * schema_migrations how many of these it has run, by position and name.
 */
export const coursebotMigrations: readonly SqlMigration[] = [
  releaseBaseline,
  ledgerLeases,
  announcementOrder,
  confirmationsTable,
  slackDeliveriesTable,
  courseTicks,
];

/**
 * Every table of the deployment's data, parents before the rows that refer to them: the order a copy writes
 * them in. Not the previews awaiting Confirm nor the Slack deliveries seen: they only matter for minutes
 * (a day at most) to the bot that wrote them, which is stopped while its store is copied.
 */
export const STORE_TABLES = [
  'meta',
  'courses',
  'course_staff',
  'revisions',
  'announcements',
  'ledger',
  'feed_tokens',
  'feed_items',
  'dm_subscriptions',
  'instance_lock',
] as const;

export type CoursebotTable = (typeof STORE_TABLES)[number];
