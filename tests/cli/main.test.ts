// The top level of the CLI: --version from package.json, and with commands loaded one at a time the help
// still lists every command and a mistyped one is still told the nearest.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMANDS = [
  'validate',
  'schema',
  'import',
  'preview',
  'ask',
  'start',
  'export',
  'history',
  'calendar',
  'courses',
  'store',
];

function coursebot(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'coursebot.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('coursebot', () => {
  it('prints its version from package.json with --version and -V', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      expect(coursebot(flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('lists every command in its help, in order', () => {
    const { code, stdout } = coursebot('--help');
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual([...COMMANDS, 'help']);
    expect(stdout).toContain('-V, --version');
  });

  it('suggests the nearest command for a mistyped one', () => {
    const { code, stderr } = coursebot('histroy');
    expect(code).toBe(1);
    expect(stderr).toContain("unknown command 'histroy'");
    expect(stderr).toContain('(Did you mean history?)');
  });

  it('shows one command’s help for `help ask`', () => {
    const { code, stdout } = coursebot('help', 'ask');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: coursebot ask [options] [request...]');
  });
});
