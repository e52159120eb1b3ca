import type { Deployment } from '../../deployment/deployment.ts';
import { dmKinds, leadText, type DmKind } from '../../reminders/dm-subscription.ts';
import { parseLeadTimes } from '../../reminders/parse-lead-times.ts';
import type { SubscriptionStore } from '../remind-command.ts';

/**
 * A control's `COURSE|KIND WORD` applied to the stored wish of that course, as the words
 * `/schedule remind me KIND …` would take: a lead time is switched on or off among those already chosen;
 * none left is `off`. Undefined for a value that is not one of the tab's (or names no course).
 */
export async function reminderWords(
  store: SubscriptionStore,
  deployment: Deployment,
  userId: string,
  value: string,
): Promise<{ courseId: string; kind: DmKind; words: string[] } | undefined> {
  const bar = value.indexOf('|');
  const course = bar > 0 ? deployment.course(value.slice(0, bar)) : undefined;
  if (!course) return undefined;
  const [kindWord, word] = value.slice(bar + 1).split(' ');
  const kind = dmKinds.find((k) => k === kindWord);
  if (!kind || !word) return undefined;
  const courseId = course.id;
  if (word === 'off') return { courseId, kind, words: ['off'] };
  if (word === 'on') return kind === 'presentations' ? { courseId, kind, words: [] } : undefined;
  const lead = parseLeadTimes([word]);
  if (!lead.ok) return undefined;
  const [minutes] = lead.minutes;
  const stored = (await store.forUser(courseId, userId)).find((s) => s.kind === kind)?.leadsMinutes ?? [];
  const leads = stored.includes(minutes!) ? stored.filter((m) => m !== minutes) : [...stored, minutes!];
  return { courseId, kind, words: leads.length > 0 ? leads.map(leadText) : ['off'] };
}
