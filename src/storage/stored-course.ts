import type { Plan } from '../plan/schema.ts';

/** A course as the database keeps it: every course the bot has seen, and those set up from Slack in full. */
export interface StoredCourse {
  id: string;
  source: { kind: 'file'; path: string } | { kind: 'slack'; url?: string };
  /** The home channel: a Slack channel ID for a course set up from Slack, as configured for a file's. */
  home: string;
  /** The base plan of a course set up from Slack (a file's course reads its file). */
  basePlan?: Plan;
  createdAt: string;
  createdBy: string;
  retiredAt?: string;
  retiredBy?: string;
}

export interface StaffRow {
  userId: string;
  addedBy: string;
  addedAt: string;
}

/** A `courses` row as either store returns it. */
export interface CourseRow {
  id: string;
  source_kind: 'file' | 'slack';
  source: string | null;
  home: string;
  base_plan: string | null;
  created_at: string;
  created_by: string;
  retired_at: string | null;
  retired_by: string | null;
}

export const courseFromRow = (r: CourseRow): StoredCourse => ({
  id: r.id,
  source:
    r.source_kind === 'file'
      ? { kind: 'file', path: r.source ?? '' }
      : { kind: 'slack', ...(r.source ? { url: r.source } : {}) },
  home: r.home,
  ...(r.base_plan ? { basePlan: JSON.parse(r.base_plan) as Plan } : {}),
  createdAt: r.created_at,
  createdBy: r.created_by,
  ...(r.retired_at ? { retiredAt: r.retired_at } : {}),
  ...(r.retired_by ? { retiredBy: r.retired_by } : {}),
});
