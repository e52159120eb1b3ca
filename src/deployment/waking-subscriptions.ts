import type { DmSubscriptions } from '../storage/dm-subscriptions.ts';

/**
 * The personal-reminder subscriptions, telling the course whenever one changes: a course's next due instant
 * depends on who asked for DMs, so a new subscription must bring the course back into the scheduler's tick.
 */
export function wakingSubscriptions(
  store: DmSubscriptions,
  wake: (courseId: string) => void,
): DmSubscriptions {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'set' || property === 'leave' || property === 'stopAll') {
        return (courseId: string, ...rest: unknown[]) => {
          const result = (value as (...args: unknown[]) => unknown).call(target, courseId, ...rest);
          wake(courseId);
          return result;
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}
