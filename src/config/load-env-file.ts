import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { UserError } from '../util/user-error.ts';

/** How an emptied variable should have been written, for the ones a newcomer is likely to write so. */
const EXAMPLES: Record<string, string> = { COURSEBOT_CHANNEL: '"#cs599"' };

/**
 * Loads `path` (./.env) into `env` when the file exists; variables already set win. It is read with Node's
 * own .env parser (as process.loadEnvFile reads it). A coursebot setting whose value an unquoted `#` turned
 * into a comment (`COURSEBOT_CHANNEL=#cs599` reads as empty) stops here with one line saying how to write
 * it, instead of a later "set COURSEBOT_CHANNEL" about a variable the user just set.
 */
export function loadEnvFile(path = '.env', env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const alreadySet = new Set(Object.keys(env).filter((name) => env[name] !== undefined));
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (!alreadySet.has(name)) env[name] = value;
  }
  const lines = commentedOut(text)
    .filter((name) => !alreadySet.has(name) && !env[name])
    .map((name) => {
      const example = EXAMPLES[name] ?? '"#…" (in quotes)';
      return `${name} in ${path} is empty: an unquoted # starts a comment; write ${name}=${example}`;
    });
  if (lines.length > 0) throw new UserError([...new Set(lines)].join('\n'));
}

/** Names of coursebot settings assigned a value that starts with `#` outside quotes. */
function commentedOut(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?((?:COURSEBOT|SLACK)_[A-Z0-9_]+|PORT|LOG_LEVEL)\s*=\s*#/.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}
