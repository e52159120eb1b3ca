/**
 * Who may change the plan: the one staff rule, used by the staff desk, the /schedule listener and the Home
 * tab alike, so that widening it (per-course staff, deployment admins) changes every surface at once.
 */
export function isStaff(staff: readonly string[], userId: string): boolean {
  return staff.includes(userId);
}
