import type { DateTime } from 'luxon';
import type { Content } from '../../content/content.ts';
import type { Course } from '../../deployment/deployment.ts';

/** Said above every answer of a retired course, and instead of any change to it. */
export function retiredNotice(course: Course, at: DateTime): Content {
  const { code: courseCode, timezone } = course.plans.current().course;
  const day = at.setZone(timezone).setLocale('en-US').toFormat('ccc LLL d, yyyy');
  return {
    blocks: [
      {
        kind: 'context',
        lines: [
          [
            `${courseCode} was retired on ${day}: no more reminders are posted and its plan no longer changes.`,
          ],
        ],
      },
    ],
  };
}
