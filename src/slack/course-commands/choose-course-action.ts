import type { ButtonArgs } from '../listeners/slack-listeners.ts';
import { replyBody, type ScheduleCallbackDeps } from '../schedule-callback.ts';
import { answerFor } from './answer-for-course.ts';
import { textContent } from '../staff/staff-commands.ts';
import { readChoice } from './course-chooser.ts';

/** A click on "Which course?": the original request, answered for the course clicked, in place of the question. */
export function chooseCourseAction(deps: ScheduleCallbackDeps) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const choice = readChoice(action.value);
    const course = choice && deps.deployment.course(choice.courseId);
    if (!choice || !course) {
      await respond({
        ...replyBody({ content: textContent('That course is no longer served here: ask again.') }),
        replace_original: true,
      });
      return;
    }
    const who = { userId: body.user.id, channelId: body.channel?.id ?? '', mentions: choice.mentions };
    const reply = await answerFor(deps, course, choice.text, who, respond);
    await respond({ ...replyBody(reply), replace_original: true });
  };
}
