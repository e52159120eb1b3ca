#!/usr/bin/env node
// `npm run build`, also run by `npm ci` and `npm install` (the prepare script): compiles src/ to dist/, so
// that bin/coursebot.js starts without compiling TypeScript at run time. Without TypeScript installed (an
// install without dev dependencies) it builds nothing and coursebot runs its sources through tsx.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, sourceStamp, stampPath } from './build-stamp.js';

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.log('coursebot: TypeScript is not installed, so dist/ is not built; coursebot runs from src/.');
  process.exit(0);
}

// Taken before compiling: a source saved during the build then makes the result stale, as it is.
const stamp = sourceStamp();
// A fresh dist/: the output of a deleted source must not stay behind.
rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('coursebot: the build failed (above); coursebot runs from src/ until it succeeds.');
  process.exit(result.status ?? 1);
}
writeFileSync(stampPath(), `${JSON.stringify(stamp, null, 2)}\n`);
