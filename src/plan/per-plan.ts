import type { Plan } from './schema.ts';

/**
 * `compute`, remembered per plan object for the `capacity` plans used most recently. Plans are never changed
 * in place (a confirmed change or a reloaded file makes a new object), so what is kept is always current for
 * its plan. Bounded rather than kept for every plan alive: with a thousand courses in one bot, an index kept
 * per plan held one for every course from the first tick on, although most are looked at once a day and asked
 * now and then. A plan used again is answered from memory while it stays among the recent ones; one course
 * alone always is.
 */
export function recentPlans<T>(compute: (plan: Plan) => T, capacity: number): (plan: Plan) => T {
  const kept = new Map<Plan, T>();
  let latest: Plan | undefined;
  return (plan) => {
    const known = kept.get(plan);
    if (known !== undefined) {
      // Most recently used last, so the first key is the one to drop; the latest one stays where it is.
      if (plan !== latest) {
        kept.delete(plan);
        kept.set(plan, known);
        latest = plan;
      }
      return known;
    }
    const value = compute(plan);
    kept.set(plan, value);
    latest = plan;
    if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    return value;
  };
}
