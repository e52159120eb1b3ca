/**
 * A fingerprint of a plan's content: the same for two plans that say the same, whatever their key order.
 * It recognises a schedule.json the bot has seen before (an export it recorded), so it must be stable across
 * versions: canonical JSON, then a 53-bit string hash (cyrb53), written in hex with the text's length.
 */
export function planHash(plan: unknown): string {
  if (!plan || typeof plan !== 'object') return hashOf(canonical(plan));
  // Plans are values never changed once made (every change makes a new plan), so an object's hash is its
  // hash for good: a start hashed every course's plan twice, a fifth of a thousand courses' start-up.
  let hash = hashes.get(plan);
  if (hash === undefined) hashes.set(plan, (hash = hashOf(canonical(plan))));
  return hash;
}

const hashes = new WeakMap<object, string>();

function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(16)}-${text.length.toString(16)}`;
}

/** JSON with object keys sorted; `undefined` members left out, as JSON.stringify does. */
function canonical(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
