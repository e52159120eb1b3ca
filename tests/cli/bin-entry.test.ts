// bin/coursebot.js runs the compiled dist/ only while it was built from the sources as they are; after any
// edit, addition or deletion under src/ (or a failed build) it runs the sources through tsx instead. Checked
// on a small copy of the layout: bin/, the compiler settings, a two-file src/ and the real node_modules.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let root: string;
// A relative .ts import, as in the real sources: the build must rewrite it to .js.
const WHERE = "export const where = (url: string): string => url.slice(url.lastIndexOf('/') + 1);\n";
const EXTRA = 'export const extra = 1;\n';
// Every source gets this modification time, so that putting one back makes it exactly as it was built.
const BUILT_AT = 1_700_000_000;
const settle = (path: string) => utimesSync(join(root, path), BUILT_AT, BUILT_AT);

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** Which file ran: main.ts (the sources) or main.js (dist/). */
function run(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'coursebot.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, COURSEBOT_FROM_SOURCE: '', ...env },
  });
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

function build() {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'build.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coursebot-bin-'));
  for (const file of [
    'bin/coursebot.js',
    'bin/build.js',
    'bin/build-stamp.js',
    'tsconfig.json',
    'tsconfig.build.json',
  ]) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    copyFileSync(join(ROOT, file), join(root, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  write('package.json', '{ "type": "module" }\n');
  write('src/cli/where.ts', WHERE);
  write('src/cli/main.ts', "import { where } from './where.ts';\nconsole.log(where(import.meta.url));\n");
  write('src/cli/extra.ts', EXTRA);
  for (const file of ['src/cli/where.ts', 'src/cli/main.ts', 'src/cli/extra.ts']) settle(file);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('bin/coursebot.js', () => {
  it('runs the sources before any build', () => {
    expect(run()).toBe('main.ts');
  });

  it('runs dist/ while it matches the sources, and the sources after any change', () => {
    expect(build().code).toBe(0);
    expect(run()).toBe('main.js');
    expect(run({ COURSEBOT_FROM_SOURCE: '1' })).toBe('main.ts');

    utimesSync(join(root, 'src/cli/where.ts'), BUILT_AT + 5, BUILT_AT + 5);
    expect(run()).toBe('main.ts');
    settle('src/cli/where.ts');
    expect(run()).toBe('main.js');

    write('src/cli/added.ts', EXTRA);
    expect(run()).toBe('main.ts');
    rmSync(join(root, 'src/cli/added.ts'));
    expect(run()).toBe('main.js');

    rmSync(join(root, 'src/cli/extra.ts'));
    expect(run()).toBe('main.ts');
    write('src/cli/extra.ts', EXTRA);
    settle('src/cli/extra.ts');
    expect(run()).toBe('main.js');
  }, 60_000);

  it('runs the sources when the build fails, and the build says so', () => {
    write('src/cli/broken.ts', 'export const = ;\n');
    const failed = build();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('the build failed');
    rmSync(join(root, 'src/cli/broken.ts'));
    expect(run()).toBe('main.ts');
  }, 60_000);
});
