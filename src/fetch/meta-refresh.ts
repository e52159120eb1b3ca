/** Where an HTML page forwards to with `<meta http-equiv="refresh" content="0; url=…">`, resolved. */
export function metaRefreshTarget(html: string, base: string): URL | undefined {
  const tag = /<meta\b[^<>]*\bhttp-equiv\s*=\s*["']?refresh\b[^<>]*>/i.exec(html.slice(0, 64 * 1024))?.[0];
  const content = tag && /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  const value = content ? (content[1] ?? content[2] ?? content[3] ?? '') : '';
  const target = /^\s*[\d.]*\s*[;,]\s*(?:url\s*=\s*)?["']?([^"'\s]+)/i.exec(value)?.[1];
  if (!target) return undefined;
  try {
    const url = new URL(target, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
