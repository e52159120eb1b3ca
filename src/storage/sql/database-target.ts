import { UserError } from '../../util/user-error.ts';

/** Where the store lives, read from the settings: PostgreSQL when DATABASE_URL is set, SQLite otherwise. */
export type DatabaseTarget =
  | { dialect: 'postgres'; url: string; shown: string; password?: string }
  | { dialect: 'sqlite'; path: string; shown: string };

export interface DatabaseSettings {
  /** DATABASE_URL: postgres://user:password@host:5432/database */
  databaseUrl?: string;
  /** COURSEBOT_DB: the SQLite file used when no DATABASE_URL is given. */
  sqlitePath: string;
}

const URL_EXAMPLE = 'postgres://user:password@host:5432/coursebot';

export function databaseTargetOf({ databaseUrl, sqlitePath }: DatabaseSettings): DatabaseTarget {
  const text = databaseUrl?.trim();
  if (!text) return { dialect: 'sqlite', path: sqlitePath, shown: sqlitePath };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The text itself is never echoed: it may hold a password.
    throw new UserError(`DATABASE_URL is not a URL: write it like ${URL_EXAMPLE}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new UserError(
      `DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//): write it like ${URL_EXAMPLE}, or unset it to use SQLite at COURSEBOT_DB`,
    );
  }
  if (!url.hostname) throw new UserError(`DATABASE_URL names no host: write it like ${URL_EXAMPLE}`);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  return { dialect: 'postgres', url: text, shown: shownUrl(url), password };
}

/** The URL as logs and messages may show it: user, host, port and database, never the password or options. */
function shownUrl(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `postgres://${user}${url.hostname}:${url.port || '5432'}${url.pathname === '/' ? '' : url.pathname}`;
}

/** Removes a password from any text that a driver hands back (belt and braces: none is known to echo it). */
export function withoutPassword(text: string, target: DatabaseTarget): string {
  if (target.dialect !== 'postgres' || !target.password) return text;
  return text.split(target.password).join('***');
}
