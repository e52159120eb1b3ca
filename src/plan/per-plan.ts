import type { Plan } from './schema.ts';

/**
 * `compute`, remembered per plan object. Plans are never changed in place (a confirmed change or a reloaded
 * file makes a new object), so what is kept is always current for its plan, and is collected with it.
 */
export function perPlan<T>(compute: (plan: Plan) => T): (plan: Plan) => T {
  const kept = new WeakMap<Plan, T>();
  return (plan) => {
    let value = kept.get(plan);
    if (value === undefined) {
      value = compute(plan);
      kept.set(plan, value);
    }
    return value;
  };
}
