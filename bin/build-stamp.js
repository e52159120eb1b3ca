// What a build of dist/ was compiled from: the path and modification time of every file under src/ and of
// the compiler settings. bin/build.js writes it into dist/ after a successful build; bin/coursebot.js runs
// dist/ only while it still matches, so an edited, added or deleted source is never run stale.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json'];

export const stampPath = (root = ROOT) => join(root, 'dist', 'build-stamp.json');

/** The sources as they are now: path relative to the root → modification time in ms. */
export function sourceStamp(root = ROOT) {
  const stamp = {};
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    stamp[relative(root, path)] = statSync(path).mtimeMs;
  }
  for (const name of SETTINGS) {
    const path = join(root, name);
    if (existsSync(path)) stamp[name] = statSync(path).mtimeMs;
  }
  return stamp;
}

/** True when dist/ was built from exactly the sources there are now. */
export function isBuildCurrent(root = ROOT) {
  try {
    const built = JSON.parse(readFileSync(stampPath(root), 'utf8'));
    const now = sourceStamp(root);
    const paths = Object.keys(now);
    return paths.length === Object.keys(built).length && paths.every((path) => built[path] === now[path]);
  } catch {
    return false; // never built, a build under way or failed, or no sources to compare with
  }
}
