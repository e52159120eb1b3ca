import { distance } from 'fastest-levenshtein';
import { queryCommands, staffCommandWords, type QueryCommand } from './query-table.ts';
import type { Request } from './request.ts';

export type ParseProblem = 'not-a-query' | 'unknown-query' | 'bad-arguments';

export type ParsedRequest =
  | { ok: true; request: Request; share: boolean }
  | {
      ok: false;
      problem: ParseProblem;
      /** One line for the user saying what is wrong. */
      message: string;
      /** The first word as typed (for not-a-query and unknown-query). */
      word?: string;
      /** What the user probably meant, ready to type, e.g. "deadlines" or "class 13". */
      suggestion?: string;
      share: boolean;
    };

/**
 * Reads the words after `/schedule` (or `coursebot ask`). Never throws: anything it cannot read comes back
 * as a problem, with a suggestion when one is close enough. A trailing "share" asks for the answer to be
 * shown to everyone; staff change words (cancel, move, …) are left to the change commands.
 */
export function parseRequest(text: string): ParsedRequest {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const share = words.length > 0 && words.at(-1)!.toLowerCase() === 'share';
  if (share) words.pop();
  const [first, ...args] = words;
  if (first === undefined) return { ok: true, request: { kind: 'next' }, share };

  const name = first.toLowerCase();
  if (staffCommandWords.includes(name)) {
    return {
      ok: false,
      problem: 'not-a-query',
      message: `\`${name}\` changes the plan; it is not a question.`,
      word: first,
      share,
    };
  }
  const command = queryCommands.find((c) => c.name === name);
  if (command) {
    const parsed = command.parse(args);
    if ('problem' in parsed) {
      return {
        ok: false,
        problem: 'bad-arguments',
        message: parsed.problem,
        suggestion: command.example,
        share,
      };
    }
    return { ok: true, request: parsed, share };
  }
  const suggestion = suggest(name, args);
  return {
    ok: false,
    problem: 'unknown-query',
    word: truncate(first),
    message: suggestion
      ? `\`${truncate(first)}\` is not something I can answer: did you mean \`${suggestion}\`?`
      : `\`${truncate(first)}\` is not something I can answer: here is what you can ask.`,
    ...(suggestion ? { suggestion } : {}),
    share,
  };
}

/** The closest query name: a small typo ("nxt", "deadline") or the start of a name ("pres"). */
function suggest(word: string, args: string[]): string | undefined {
  if (/^\d+$/.test(word) && args.length === 0) return `class ${word}`;
  let best: QueryCommand | undefined;
  let bestDistance = Infinity;
  for (const command of queryCommands) {
    const d = distance(word, command.name);
    if (d < bestDistance) [best, bestDistance] = [command, d];
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  const byPrefix = word.length >= 3 ? queryCommands.find((c) => c.name.startsWith(word)) : undefined;
  const match = best && bestDistance <= allowed ? best : byPrefix;
  if (!match) return undefined;
  // Keep the user's arguments only where the query takes some ("clas 13" → "class 13").
  return match.args ? [match.name, ...args].join(' ') : match.name;
}

function truncate(word: string): string {
  return word.length > 40 ? `${word.slice(0, 39)}…` : word;
}
