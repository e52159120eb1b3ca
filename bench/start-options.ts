/** The node options of `npm start`, so the benchmarks run the bot as it is deployed. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The options between `node` and `bin/coursebot.js` in package.json's start script. */
export function nodeOptionsOfStartScript(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const bin = words.indexOf('bin/coursebot.js');
  return words[0] === 'node' && bin > 0 ? words.slice(1, bin) : [];
}
