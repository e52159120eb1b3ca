import type { Reading } from '../plan/schema.ts';
import { link, strong, type Inline } from './content.ts';

/** A title, linked when there is a URL, bold otherwise. */
export const titleInline = (title: string, url: string | undefined): Inline =>
  url ? link(url, title) : strong(title);

/** A reading, linked when it has a URL. */
export const readingInline = (reading: Reading): Inline =>
  reading.url ? link(reading.url, reading.title) : reading.title;

/** "Reading" for one reading, "Readings" for several: the label of a list of readings. */
export const readingsLabel = (count: number): string => (count === 1 ? 'Reading' : 'Readings');

/** "Readings: A, B", each reading linked when it has a URL. */
export const readingsLine = (readings: Reading[]): Inline[] => [
  `${readingsLabel(readings.length)}: `,
  ...joinInlines(readings.map((r) => [readingInline(r)])),
];

/** Runs of inlines joined with `separator` ("A, B, C"). */
export function joinInlines(parts: Inline[][], separator = ', '): Inline[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}
