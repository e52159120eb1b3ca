import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { UserError } from '../util/user-error.ts';

/** How a value starting with # should be written, for the settings a newcomer is likely to write so. */
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
    .filter(({ name }) => !alreadySet.has(name))
    .map(({ name, raw }) => {
      const cut = Boolean(env[name]);
      const example = EXAMPLES[name] ?? (cut ? `"${raw}"` : '"#…" (in quotes)');
      const what = cut ? 'was cut short at the #' : 'is empty';
      return `${name} in ${path} ${what}: an unquoted # starts a comment; write ${name}=${example}`;
    });
  if (lines.length > 0) throw new UserError([...new Set(lines)].join('\n'));
}

/**
 * Coursebot settings whose unquoted value a `#` cut: right after the `=` (`COURSEBOT_CHANNEL=#cs599`,
 * `PORT= # 3000`) or inside a word (`SECRET=ab#cd`). A `#` after a value and a space is a real comment.
 */
function commentedOut(text: string): { name: string; raw: string }[] {
  const found: { name: string; raw: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?((?:COURSEBOT|SLACK)_[A-Z0-9_]+|PORT|LOG_LEVEL)\s*=\s*([^'"`].*)?$/.exec(
      line,
    );
    const value = match?.[2]?.trimEnd();
    if (!match || !value) continue;
    if (value.startsWith('#') || /\S#/.test(value))
      found.push({ name: match[1]!, raw: value.replace(/\s+#.*$/, '') });
  }
  return found;
}
