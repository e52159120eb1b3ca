/**
 * Slack's response_url: a per-command URL that accepts up to 5 POSTs within 30 minutes of the command.
 * The fake mints them under `/respond/:id` and records what arrives.
 */

export interface FakeResponse {
  id: string;
  body: unknown;
  at: number;
}

export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export class FakeResponseUrls {
  private readonly minted = new Map<string, { createdAt: number; uses: number }>();
  private readonly received: FakeResponse[] = [];
  private counter = 0;

  constructor(
    private readonly baseUrl: () => string,
    private readonly nowMs: () => number,
  ) {}

  /** A fresh response_url on the fake. */
  mint(): string {
    this.counter += 1;
    const id = `R${this.counter}`;
    this.minted.set(id, { createdAt: this.nowMs(), uses: 0 });
    return `${this.baseUrl()}/respond/${id}`;
  }

  /** Accepts one POST: the HTTP status and body to answer with, as Slack would. */
  accept(id: string, body: unknown): { status: number; body: string } {
    const entry = this.minted.get(id);
    if (!entry) return { status: 404, body: 'no_such_url' };
    if (this.nowMs() - entry.createdAt > RESPONSE_URL_TTL_MS) return { status: 404, body: 'expired_url' };
    if (entry.uses >= RESPONSE_URL_MAX_USES) return { status: 404, body: 'used_url' };
    entry.uses += 1;
    this.received.push({ id, body, at: this.nowMs() });
    return { status: 200, body: 'ok' };
  }

  /** What was accepted, for one URL (by id or full URL) or all. */
  responses(idOrUrl?: string): FakeResponse[] {
    if (idOrUrl === undefined) return [...this.received];
    const id = idOrUrl.replace(/^.*\/respond\//, '');
    return this.received.filter((r) => r.id === id);
  }
}
