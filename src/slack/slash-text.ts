/**
 * What a user typed after `/schedule`, as plain words. Slack encodes `&`, `<`, `>` as entities and may turn
 * mentions, channels and links into `<…>` tokens; the answer code matches words, so it gets them back as
 * typed (`@channel`, `#cs599`, the link's label). Renderers escape again on the way out.
 */
export function plainSlashText(text: string): string {
  // Most requests are a few plain words ("next", "week"): one test instead of six passes over the text.
  if (!/[<&]|[^\S ]| {2}|^ | $/.test(text)) return text;
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => plainToken(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function plainToken(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  // Special mentions: <!channel>, <!here>, <!subteam^S1|@team>, <!date^…|fallback>.
  if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
  return label ?? target;
}

/**
 * The Slack user IDs mentioned in a command's raw text, in order: `<@U123|name>` or `<@U123>` as Slack
 * sends a mention, or an ID typed as is. Read before plainSlashText, which keeps only the names.
 */
export function mentionedUsers(text: string): string[] {
  // Every mention and every user ID has a U or a W; most requests have neither.
  if (!/[UW]/.test(text)) return [];
  const ids = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>|(?<![\w@<])([UW][A-Z0-9]{6,})(?!\w)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  return [...new Set(ids)];
}
