import { detectFormat } from '../importer/detect-format.ts';
import type { ImportFormat } from '../importer/rows.ts';

/** What a served document is, when it is one the importer cannot read: named, so the user knows what to do. */
export interface Refusal {
  /** "a PDF", "an image (image/png)". */
  what: string;
  /** How to get an importable page from it. */
  fix: string;
}

const EXPLICIT: Record<string, ImportFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
};

const SAVE_AS_TEXT = 'copy the schedule table into a text or CSV file and import that file';

/** Documents people link as "the schedule" that are not pages: refused by name, before reading them as text. */
function refusalFor(mediaType: string): Refusal | undefined {
  if (mediaType === 'application/pdf') return { what: 'a PDF', fix: SAVE_AS_TEXT };
  const [top] = mediaType.split('/');
  if (top === 'image' || top === 'video' || top === 'audio') {
    return { what: `an ${top === 'audio' ? 'audio file' : top} (${mediaType})`, fix: SAVE_AS_TEXT };
  }
  if (/spreadsheet|ms-excel/.test(mediaType)) {
    return { what: `a spreadsheet (${mediaType})`, fix: 'export it as CSV and import the CSV file' };
  }
  if (/wordprocessing|msword|presentation|powerpoint|opendocument/.test(mediaType)) {
    return { what: `an office document (${mediaType})`, fix: SAVE_AS_TEXT };
  }
  if (/zip|x-tar|x-7z|x-rar/.test(mediaType)) {
    return { what: `an archive (${mediaType})`, fix: 'unpack it and import the schedule file in it' };
  }
  return undefined;
}

/** The same documents told by their first bytes, for servers that label everything text/plain or not at all. */
function refusalForBytes(bytes: Uint8Array): Refusal | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF-')) return { what: 'a PDF', fix: SAVE_AS_TEXT };
  if (
    head.startsWith('\x89PNG') ||
    head.startsWith('\xff\xd8\xff') ||
    head.startsWith('GIF8') ||
    (head.startsWith('RIFF') && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP')
  ) {
    return { what: 'an image', fix: SAVE_AS_TEXT };
  }
  if (head.startsWith('PK\x03\x04')) {
    return { what: 'a zip file or office document', fix: 'export the schedule as CSV and import that file' };
  }
  return undefined;
}

/** Decoded text with a NUL is no page (the importer refuses it): told after decoding, as UTF-16 has NULs. */
export function refuseText(text: string): Refusal | undefined {
  return text.includes('\u0000') ? { what: 'a binary file, not text', fix: SAVE_AS_TEXT } : undefined;
}

/** "text/html; charset=utf-8" → "text/html". */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The charset a Content-Type names, if any. */
export function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
}

/**
 * Refuses documents that are not pages before they are decoded: by their content type, then by their bytes.
 */
export function refuseDocument(contentType: string, bytes: Uint8Array): Refusal | undefined {
  return refusalFor(mediaTypeOf(contentType)) ?? refusalForBytes(bytes);
}

/**
 * The importer's format for a fetched page: the content type when it names one the importer reads, else
 * the content (a raw `.md` or `.csv` file is often served as text/plain, or with no type at all).
 */
export function pageFormat(contentType: string, text: string): ImportFormat {
  return EXPLICIT[mediaTypeOf(contentType)] ?? detectFormat(text);
}
