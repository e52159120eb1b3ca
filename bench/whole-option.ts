/** A command-line option that must be a whole number of at least `least`; anything else stops with one line. */
export function whole(name: string, raw: string, least: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) {
    console.error(`--${name} must be a whole number of at least ${least} (got "${raw}")`);
    process.exit(2);
  }
  return value;
}
