import type { Deployment } from '../deployment/deployment.ts';

const NOT_READY = 'the bot is still starting: try again in a moment';

/**
 * A deployment known only later: the composition root builds the Slack app before the running deployment
 * (which posts through the Slack sink), so the app is given this, which answers from the deployment once
 * it exists. Requests only arrive after the start, by which time it does.
 */
export function lateDeployment(get: () => Deployment | undefined): Deployment {
  const ready = (): Deployment | undefined => get();
  return {
    courses: () => ready()?.courses() ?? [],
    course: (id) => ready()?.course(id),
    courseForChannel: (channelId) => ready()?.courseForChannel(channelId),
    isAdmin: (userId) => ready()?.isAdmin(userId) ?? false,
    isStaff: (course, userId) => ready()?.isStaff(course, userId) ?? false,
    maySetUp: (userId) => ready()?.maySetUp(userId) ?? false,
    setUp: async (request) => ready()?.setUp(request) ?? { ok: false, message: NOT_READY },
    addStaff: async (...args) => ready()?.addStaff(...args) ?? { ok: false, message: NOT_READY },
    removeStaff: async (...args) => ready()?.removeStaff(...args) ?? { ok: false, message: NOT_READY },
    retire: async (...args) => ready()?.retire(...args) ?? { ok: false, message: NOT_READY },
  };
}
