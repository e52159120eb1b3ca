import type { Plan } from './schema.ts';

/**
 * Where the running bot gets the plan it acts on. The effective plan may change while it runs (a reloaded
 * file, a confirmed change), so consumers ask for it each time instead of keeping a copy.
 */
export interface PlanSource {
  current(): Plan;
}

export const staticPlanSource = (plan: Plan): PlanSource => ({ current: () => plan });
