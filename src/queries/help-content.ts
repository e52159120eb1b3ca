import { code, type Content, type Line } from '../content/content.ts';
import type { HelpEntry } from './query-table.ts';

export interface HelpOptions {
  /** What users type before a query: "/schedule" on Slack, "coursebot ask" in a terminal. */
  prefix?: string;
  /** Lines shown above the list, e.g. what was wrong with the request. */
  hint?: Line[];
  /** Whether the reader can show an answer to others (on Slack; not in a terminal): default true. */
  canShare?: boolean;
}

export const DEFAULT_PREFIX = '/schedule';

/** The list of requests with one-line examples; other modules pass their own entries to extend it. */
export function helpContent(entries: readonly HelpEntry[], options: HelpOptions = {}): Content {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const lines: Line[] = entries.map((e) => {
    const usage = [e.name, e.args].filter(Boolean).join(' ');
    const typed = code(`${prefix} ${e.example}`);
    // A description with its own parenthesis takes the example after a comma: never ") (e.g. …)".
    const example =
      e.example === usage ? [] : e.description.includes('(') ? [', e.g. ', typed] : [' (e.g. ', typed, ')'];
    return [code(`${prefix} ${usage}`), ` — ${e.description}`, ...example, '.'];
  });
  const share: Line = [
    'Add ',
    code('share'),
    ' at the end to show the answer to everyone, e.g. ',
    code(`${prefix} week share`),
    '.',
  ];
  return {
    blocks: [
      { kind: 'header', text: 'What you can ask' },
      ...(options.hint && options.hint.length > 0 ? [{ kind: 'section' as const, lines: options.hint }] : []),
      { kind: 'section', lines },
      ...(options.canShare === false ? [] : [{ kind: 'context' as const, lines: [share] }]),
    ],
  };
}
