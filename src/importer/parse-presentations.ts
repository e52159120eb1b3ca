import type { Presentation } from '../plan/schema.ts';
import { cleanText } from './rows.ts';

const INITIALS = String.raw`[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?`;
/** "CG, OO: " or "YK: " — presenters' initials, then a colon; a group starts the text or follows ", ". */
const GROUP = String.raw`(?:^|[,;]\s*)(${INITIALS}(?:\s*(?:,|&|/|\band\b)\s*${INITIALS})*)\s*:\s+`;

/** True when the text starts with presenters' initials and a colon, as in "CG, OO: DeepSeek-v3". */
export function startsWithPresenters(text: string): boolean {
  return new RegExp(GROUP).exec(text)?.index === 0;
}

/**
 * "WL: Decoupled Weight Decay Regularization, MS: Gluon: Making Muon & Scion Great Again!" → two
 * presentations. A title runs until ", XY:" starts the next group, so titles may hold colons and commas.
 */
export function parsePresentations(text: string): Presentation[] {
  const groups = [...text.matchAll(new RegExp(GROUP, 'g'))];
  if (groups[0]?.index !== 0) return [];
  return groups.flatMap((g, i) => {
    const titleEnd = groups[i + 1]?.index ?? text.length;
    const title = cleanText(text.slice(g.index + g[0].length, titleEnd)).replace(/[,;]$/, '');
    const presenters = g[1]!
      .split(/\s*(?:,|&|\/|\band\b)\s*/)
      .map((p) => p.replace(/\./g, ''))
      .filter(Boolean);
    return title ? [{ presenters, title }] : [];
  });
}
