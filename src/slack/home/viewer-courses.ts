import type { Course, Deployment } from '../../deployment/deployment.ts';

/**
 * The courses a person's Home tab shows, by id: those whose channels they are in (`memberCourses`, the same
 * lookup that answers a `/schedule` typed outside a course channel) and those they are staff of. A
 * deployment of one course always shows it, as `/schedule` answers for it everywhere. Retired courses are
 * left out: they post nothing more. Admins, staff of every course by rule, see their own courses only
 * (a department's thousand would not fit), with the staff part in each.
 */
export async function viewerCourses(
  deployment: Deployment,
  memberCourses: (userId: string) => Promise<readonly Course[]>,
  userId: string,
): Promise<Course[]> {
  const running = deployment.courses().filter((c) => !c.retiredAt());
  if (running.length <= 1) return [...running];
  const member = new Set((await memberCourses(userId)).map((c) => c.id));
  return running.filter((c) => member.has(c.id) || c.staff().includes(userId));
}
