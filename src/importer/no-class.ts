import { capitalize } from './slug.ts';

const LEADING =
  /^(?:no\s+(?:class(?:es)?|lectures?|meeting)|class(?:es)?\s+(?:is\s+|are\s+)?cancell?ed|lecture\s+cancell?ed|cancell?ed)\b[\s,.:;—–-]*/i;
const ANYWHERE = /[\s(,;:—–-]*\b(?:no\s+(?:class(?:es)?|lectures?)|(?:class\s+)?cancell?ed)\b[\s).,;:—–-]*/i;
const BREAK = /\b(?:break|recess|holiday|vacation|thanksgiving|reading\s+(?:day|period)|no\s+class)\b/i;

/**
 * Why a row has no class, or undefined when it is a class: "No class, Monday schedule" → "Monday schedule",
 * "No class — spring break" → "spring break", "Cancelled" → "Cancelled", "Labor Day (no class)" → "Labor
 * Day". A row without a class number that names a break ("Spring break") is a day off too.
 */
export function noClassReason(text: string, hasNumber: boolean): string | undefined {
  const lead = LEADING.exec(text);
  if (lead) {
    const reason = unwrap(text.slice(lead[0].length));
    return reason ? reason : capitalize(lead[0].replace(/[\s,.:;—–-]+$/, ''));
  }
  const inside = ANYWHERE.exec(text);
  if (inside) {
    const reason = unwrap(text.slice(0, inside.index) + ' ' + text.slice(inside.index + inside[0].length));
    return reason || capitalize(inside[0].replace(/^[\s(,;:—–-]+|[\s).,;:—–-]+$/g, ''));
  }
  if (!hasNumber && BREAK.test(text) && text.split(' ').length <= 6) return text.trim();
  return undefined;
}

/** "(Labor Day)" → "Labor Day". */
function unwrap(text: string): string {
  const trimmed = text.trim();
  return /^\([^()]*\)$/.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}
