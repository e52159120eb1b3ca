/**
 * Says yes on the first call, then at most once per `everyMs` of the times it is given: for chores (pruning
 * old rows) that need not cost every request a query. A clock set back says yes again.
 */
export function nowAndThen(everyMs: number): (atMs: number) => boolean {
  let last: number | undefined;
  return (atMs) => {
    if (last !== undefined && atMs >= last && atMs - last < everyMs) return false;
    last = atMs;
    return true;
  };
}
