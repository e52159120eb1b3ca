import type { Block, Content } from '../content/content.ts';
import { reminderKinds, type ReminderKind } from '../plan/policy-schema.ts';
import type { Course, PlanEvent } from '../plan/schema.ts';
import type { DueOf, DueReminder } from './due-reminder.ts';
import { classDaySection } from './messages/class-day-message.ts';
import { deadlineSection } from './messages/deadline-message.ts';
import { homeworkSection } from './messages/homework-message.ts';
import { noClassSection } from './messages/no-class-message.ts';
import { presentationSection } from './messages/presentation-message.ts';
import { readingsSection } from './messages/readings-message.ts';
import { weeklySection } from './messages/weekly-message.ts';

type SectionBuilder<K extends ReminderKind> = (
  due: DueOf<K>[],
  course: Course,
  events: readonly PlanEvent[],
) => Block;

const builders: { [K in ReminderKind]: SectionBuilder<K> } = {
  'class-day': classDaySection,
  readings: readingsSection,
  homework: homeworkSection,
  deadline: deadlineSection,
  presentation: presentationSection,
  'no-class': noClassSection,
  weekly: weeklySection,
};

/**
 * One message for everything due in one channel at one time: a section per kind, in the fixed kind order.
 * `events`: the plan's, for what a section tells beside its own reminder (a homework's deadline).
 */
export function postContent(due: DueReminder[], course: Course, events: readonly PlanEvent[] = []): Content {
  const blocks = reminderKinds.flatMap((kind) => {
    const ofKind = due.filter((d) => d.kind === kind);
    return ofKind.length > 0 ? [section(kind, ofKind, course, events)] : [];
  });
  return { blocks };
}

function section<K extends ReminderKind>(
  kind: K,
  due: DueReminder[],
  course: Course,
  events: readonly PlanEvent[],
): Block {
  return (builders[kind] as SectionBuilder<K>)(due as DueOf<K>[], course, events);
}
