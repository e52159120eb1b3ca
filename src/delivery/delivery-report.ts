/** What one pass of the outbox did, counted in reminder or announcement keys. */
export interface DeliveryReport {
  posted: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Held back: behind a waiting post of the same channel (or an earlier announcement), or by a stop. */
  deferred: number;
  /** Keys whose send may have arrived, held until the destination can tell. */
  unconfirmed: number;
}

export const emptyReport = (): DeliveryReport => ({
  posted: 0,
  retrying: 0,
  failed: 0,
  skipped: 0,
  deferred: 0,
  unconfirmed: 0,
});

/** Adds `more` into `into`, field by field. */
export function addReport(into: DeliveryReport, more: DeliveryReport): void {
  for (const field of Object.keys(into) as (keyof DeliveryReport)[]) into[field] += more[field];
}
