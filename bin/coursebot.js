#!/usr/bin/env node
// Runs the compiled dist/ when it was built from the sources as they are now (`npm ci` builds it, and so
// does `npm run build`); otherwise the TypeScript sources through tsx, which is slower to start but never
// stale. COURSEBOT_FROM_SOURCE=1 always runs the sources.
import { isBuildCurrent } from './build-stamp.js';

if (process.env.COURSEBOT_FROM_SOURCE !== '1' && isBuildCurrent()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
