import { splitList } from './split-readings.ts';

/** How flattened text was split into a topic and a list of readings, and how sure the split is. */
export interface TopicSplit {
  topic: string;
  readings: string;
  /** Set when the split is a guess the instructor should check: says what was decided. */
  doubt?: string;
}

const FUNCTION_WORDS = new Set(
  'a an the to of and or for on in with by from vs vs. via at into over through using as e.g. i.e. its their'.split(
    ' ',
  ),
);
const CITATION =
  /^\(?[A-Z][\p{L}'-]*(?:\s+et al\.?|\+|\s+and\s+[A-Z][\p{L}'-]*)?,?\s+(?:19|20)\d{2}[a-z]?\)?/u;
const READING_WORD =
  /\b(?:paper|papers|notes|chapter|ch\.?\s?\d|implementation|slides|blog|survey|tutorial|video|code|section|book|lecture)\b/i;
const NAME_LIKE = /^\(?(?:[A-Z]{2,}s?|[A-Za-z]+[A-Z][\w-]*|[\w-]*\d[\w-]*)[),.]?$/;
const REFERENCE_WORD = /^(?:ch|chap|chapt|chapter|sec|sect|section|pp?|pg|vol|fig|part|unit)\.?$/i;
const MARGIN = 2;
// Readings are a short list at the end of a row: a split point is sought only among its last words, which
// keeps a very long line linear.
const MAX_READING_WORDS = 60;

const words = (text: string) => [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
const balanced = (text: string) => (text.match(/\(/g) ?? []).length === (text.match(/\)/g) ?? []).length;
const capitalised = (word: string) => /^\(?[A-Z0-9]/.test(word);

function readingLike(item: string): boolean {
  return item.split(' ').length <= 8 && (/[A-Z0-9]/.test(item) || READING_WORD.test(item));
}

interface Candidate {
  at: number;
  score: number;
  weak: boolean;
}

/**
 * Splits "topic readings" run together in flattened text. Cells start where a capitalised word (or a
 * citation such as "(Dao+ 2022)") follows a word with no punctuation after it; the readings after such a
 * point must read as a list of short names. Each possible point is scored; a close second is reported.
 */
export function splitTopic(text: string): TopicSplit {
  const tokens = words(text);
  const candidates: Candidate[] = [];
  for (let i = Math.max(1, tokens.length - MAX_READING_WORDS); i < tokens.length; i += 1) {
    const prev = tokens[i - 1]!.text;
    const word = tokens[i]!.text;
    const topic = text.slice(0, tokens[i]!.at).trim();
    const rest = text.slice(tokens[i]!.at);
    if (/[,;:]$/.test(prev) || FUNCTION_WORDS.has(prev.toLowerCase()) || !balanced(topic)) continue;
    // "Ch 3", "chap. 1", "sec. 2.1": a reference word and its number are one reading, never split.
    if (REFERENCE_WORD.test(prev)) continue;
    const items = splitList(rest);
    const first = items[0] ?? '';
    const citation = CITATION.test(rest);
    if (capitalised(word) || citation) {
      if (!items.every(readingLike)) continue;
      let score = 0;
      if (citation) score += 5;
      // A cell ends after a lower-case word or a closing parenthesis: "… models (Bengio+ 2003)".
      if (/^[a-z(]/.test(prev) || /\)$/.test(prev)) score += 2;
      if (NAME_LIKE.test(word)) score += 2;
      // "… of attention Sparse | FlashAttention": a lone capitalised word ending the topic is more likely the
      // start of a name in the readings.
      const before = tokens[i - 2]?.text ?? '';
      if (
        capitalised(prev) &&
        before &&
        (!capitalised(before) || /\)$/.test(before)) &&
        !/[,;:]$/.test(before)
      )
        score -= 2;
      candidates.push({ at: tokens[i]!.at, score, weak: false });
    } else if (
      first.split(' ').length >= 2 &&
      topic.includes(first) &&
      items.every((item) => readingLike(item) || topic.includes(item))
    ) {
      // Lower-case readings are recognisable only when they repeat the topic's words: "… low memory, Muon".
      candidates.push({ at: tokens[i]!.at, score: -1, weak: true });
    }
  }
  if (candidates.length === 0) return { topic: text.trim(), readings: '' };
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.at - b.at);
  const best = ranked[0]!;
  const split = (c: Candidate) => ({
    topic: text.slice(0, c.at).trim(),
    readings: text.slice(c.at).trim(),
  });
  const chosen = split(best);
  const second = ranked[1];
  if (best.weak) {
    return {
      ...chosen,
      doubt: `the readings were taken to start at "${splitList(chosen.readings)[0]}", which repeats words of the topic`,
    };
  }
  if (second && best.score - second.score < MARGIN) {
    const other = split(second);
    return {
      ...chosen,
      doubt: `close call: could also be topic "${other.topic}" with readings "${other.readings}"`,
    };
  }
  return chosen;
}
