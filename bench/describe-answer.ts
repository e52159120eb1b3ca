/** A slash command's answer, as its fallback text, short: proof that the app answered the question. */
export function describeAnswer(raw: string, length = 160): string {
  try {
    const parsed = JSON.parse(raw) as { text?: string };
    return (parsed.text ?? raw).replace(/\s+/g, ' ').slice(0, length);
  } catch {
    return raw.slice(0, length);
  }
}
