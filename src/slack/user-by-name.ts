import type { webApi } from '@slack/bolt';

const PAGE_LIMIT = 200;
/** 10,000 people: a larger workspace names the person by a mention Slack resolves. */
const MAX_PAGES = 50;

export type FoundUser = { ok: true; id: string } | { ok: false; message: string };

const bare = (name: string) => name.replace(/^@/, '').trim().toLowerCase();

/**
 * The Slack user an `@name` typed in `/schedule` means. The command is declared without escaping (typed text
 * stays plain words), so a mention arrives as the name, not the ID: it is looked up in users.list by
 * handle, display name or real name, and only a single match counts.
 */
export async function userByName(client: webApi.WebClient, typed: string): Promise<FoundUser> {
  const name = bare(typed);
  if (!name) return { ok: false, message: 'Name the person with an @-mention.' };
  const found = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.users.list({ limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) });
    for (const member of answer.members ?? []) {
      if (member.deleted || member.is_bot || !member.id) continue;
      const names = [member.name, member.profile?.display_name, member.real_name].map((n) => bare(n ?? ''));
      if (names.includes(name)) found.add(member.id);
    }
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  if (found.size === 1) return { ok: true, id: [...found][0]! };
  if (found.size === 0) return { ok: false, message: `No one in this workspace is called @${name}.` };
  return {
    ok: false,
    message: `Several people are called @${name}: pick the person from Slack's list as you type.`,
  };
}
