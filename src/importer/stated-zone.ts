/** A timezone a page states in its prose: "all times are Eastern time", "due 11:59pm PT", "AoE". */
export interface StatedZone {
  zone: string;
  /** The words it was read from, and their line. */
  words: string;
  line: number;
}

const KIND = String.raw`(?:\s+(?:[Ss]tandard|[Dd]aylight))?\s+[Tt]ime`;
// Zone names only as zones are written: "Eastern time", "EST", never a bare "eastern" or "Pacific Ocean".
const ZONES: [RegExp, string][] = [
  [new RegExp(String.raw`\b(?:[Ee]astern${KIND}|E[SD]?T)\b`), 'America/New_York'],
  [new RegExp(String.raw`\b(?:[Cc]entral${KIND}|C[SD]T)\b`), 'America/Chicago'],
  [new RegExp(String.raw`\b(?:[Mm]ountain${KIND}|M[SD]T)\b`), 'America/Denver'],
  [new RegExp(String.raw`\b(?:[Pp]acific${KIND}|P[SD]?T)\b`), 'America/Los_Angeles'],
  [/\b(?:AoE|[Aa]nywhere on [Ee]arth)\b/, 'Etc/GMT+12'],
];

/** The zone named first in the text, and where. */
export function statedZone(text: string): StatedZone | undefined {
  let best: { zone: string; words: string; at: number } | undefined;
  for (const [pattern, zone] of ZONES) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.at)) best = { zone, words: m[0], at: m.index };
  }
  if (!best) return undefined;
  return { zone: best.zone, words: best.words, line: text.slice(0, best.at).split('\n').length };
}
