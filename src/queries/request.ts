/** A parsed question: what `/schedule …` and `coursebot ask …` can be asked. */
export type Request =
  | { kind: 'next' }
  | { kind: 'day'; which: 'today' | 'tomorrow' }
  | { kind: 'week' }
  | { kind: 'deadlines' }
  | { kind: 'homework' }
  | { kind: 'presentations'; initials?: string }
  | { kind: 'readings' }
  | { kind: 'class'; number: number }
  | { kind: 'search'; words: string[] }
  | { kind: 'help' };
