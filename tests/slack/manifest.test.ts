// manifest.json asks for exactly the scopes the Slack layer's Web API calls need, and declares /schedule
// and Socket Mode as the code expects.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  features: { slash_commands: { command: string; should_escape: boolean; url?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
};

/** The bot scopes each Web API method needs (public and private channels alike). */
const SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'conversations.list': ['channels:read', 'groups:read'],
  // DMs too: a personal reminder interrupted by a crash is looked up in the student's DM channel.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  // The course channels a person is in, for a /schedule typed in a DM: the channels' own read scopes.
  'users.conversations': ['channels:read', 'groups:read'],
  // `staff add @name` when Slack sends the name as typed (the command does not escape mentions).
  'users.list': ['users:read'],
  // The Home tab and its forms: no scope of their own.
  'views.publish': [],
  'views.open': [],
};

function methodsCalled(): string[] {
  const dir = join(ROOT, 'src', 'slack');
  const text = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  return [...new Set([...text.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

describe('manifest.json', () => {
  it('knows the scope of every Web API method the Slack layer calls', () => {
    expect(methodsCalled()).toEqual(expect.arrayContaining(['chat.postMessage', 'conversations.history']));
    const unknown = methodsCalled().filter((m) => !(m in SCOPES));
    expect(unknown).toEqual([]);
  });

  it('asks for exactly those scopes, plus commands for /schedule', () => {
    const needed = new Set(['commands', ...methodsCalled().flatMap((m) => SCOPES[m] ?? [])]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('declares /schedule for Socket Mode, with interactivity for staff buttons', () => {
    expect(manifest.features.slash_commands).toMatchObject([{ command: '/schedule', should_escape: false }]);
    expect(manifest.features.slash_commands[0]?.url).toBeUndefined();
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
