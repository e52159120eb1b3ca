/** Something wrong (error) or suspicious (warning) in a plan, located as precisely as the input allows. */
export interface Problem {
  severity: 'error' | 'warning';
  /** JSON path such as `sessions[3].date`, or "" for the whole file. */
  path: string;
  message: string;
  /** 1-based line in the source file, when known. */
  line?: number;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** One line per problem: `schedule.json:42 sessions[3].date: expected … (found "2025-02-30")`. */
export function formatProblem(problem: Problem, source: string): string {
  const where = problem.line ? `${source}:${problem.line}` : source;
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  const path = problem.path ? `${problem.path}: ` : '';
  return `${where}: ${label}${path}${problem.message}`;
}
