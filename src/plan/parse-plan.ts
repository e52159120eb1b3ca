import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { planSchema, type Plan } from './schema.ts';
import { checkPlan } from './check-plan.ts';
import { formatPath, type Problem } from './problems.ts';

export type ParsedPlan =
  { ok: true; plan: Plan; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * Parses the text of a schedule.json: JSON syntax, the schema, then the rules a schema cannot express
 * (duplicate ids, suspicious dates). Pure: the caller reads the file.
 */
export function parsePlanText(original: string): ParsedPlan {
  const text = withoutByteOrderMark(original);
  const lineOf = lineLocator(text);
  // Parsers recurse per level: a runaway nesting would end in a stack overflow instead of a line.
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const message = `nested more than ${MAX_DEPTH} levels deep: a course plan needs only a few, so look for a runaway paste of brackets`;
    return {
      ok: false,
      errors: [{ severity: 'error', path: '', message, line: lineOf(deep) }],
      warnings: [],
    };
  }
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  if (syntaxErrors.length > 0 || !tree) {
    // Only the first syntax error: the ones after it are usually echoes of the same mistake.
    const errors: Problem[] = syntaxErrors.slice(0, 1).map((e) => {
      const comma = trailingCommaBefore(text, e.offset);
      return comma === undefined
        ? {
            severity: 'error',
            path: '',
            message: `not valid JSON: ${describeSyntaxError(printParseErrorCode(e.error))}`,
            line: lineOf(e.offset),
          }
        : {
            severity: 'error',
            path: '',
            message: `not valid JSON: a comma before "${text[e.offset]}" ends this line: remove it`,
            line: lineOf(comma),
          };
    });
    if (errors.length === 0) errors.push({ severity: 'error', path: '', message: 'the file is empty' });
    return { ok: false, errors, warnings: [] };
  }
  const raw: unknown = JSON.parse(text);
  return parsePlanValue(raw, (path) => {
    const node = nearestNode(tree, path);
    return node ? lineOf(node.offset) : undefined;
  });
}

/**
 * Windows editors save UTF-8 with a byte-order mark; it is no part of the JSON (the importer skips it too).
 * Whatever reads a plan's text as JSON reads it through this.
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Validates an already-parsed value (e.g. a plan held in memory or in the database). */
export function parsePlanValue(
  raw: unknown,
  lineOfPath: (path: (string | number)[]) => number | undefined = () => undefined,
): ParsedPlan {
  const result = planSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => schemaProblem(issue, raw, lineOfPath)),
      warnings: [],
    };
  }
  const { errors, warnings } = checkPlan(result.data);
  const located = (p: Problem & { at?: (string | number)[] }): Problem => {
    const { at, ...rest } = p;
    return at ? { ...rest, line: lineOfPath(at) } : rest;
  };
  if (errors.length > 0) return { ok: false, errors: errors.map(located), warnings: warnings.map(located) };
  return { ok: true, plan: result.data, warnings: warnings.map(located) };
}

function schemaProblem(
  issue: z.core.$ZodIssue,
  raw: unknown,
  lineOfPath: (path: (string | number)[]) => number | undefined,
): Problem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const found = valueAt(raw, path);
  let message = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  } else if (found === undefined) {
    message = `${message.replace(/, received undefined$/, '')} (missing)`;
  } else if (!/received/.test(message)) {
    message = `${message} (found ${preview(found)})`;
  }
  return { severity: 'error', path: formatPath(path), message, line: lineOfPath(path) };
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The deepest node that exists along the path, so a missing field points at its parent object. */
function nearestNode(tree: Node, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node.parent?.type === 'property' && n > 0 ? node.parent : node;
  }
  return undefined;
}

/** Far more than a plan's own nesting (policy objects, readings lists), far less than a stack holds. */
const MAX_DEPTH = 64;

/** The offset of the first bracket that opens level MAX_DEPTH + 1, outside strings; undefined if none. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return undefined;
}

function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The offset of a comma that only white space separates from a closing `}` or `]` at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ',' ? i : undefined;
}

function describeSyntaxError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}
