import type { Logger } from '../../util/logger.ts';
import { staffHelp, staffWords } from '../../courses/staff-command-table.ts';
import type { ScheduleCommandTable, ScheduleReply, ScheduleRequest } from '../schedule-commands.ts';
import { refuseNonStaff, textContent } from '../staff/staff-commands.ts';
import { retiredNotice } from '../schedule-callback.ts';

const say = (text: string): ScheduleReply => ({ content: textContent(text) });
const mention = (userId: string) => `<@${userId}>`;

function list(request: ScheduleRequest): ScheduleReply {
  const staff = request.course.staff();
  const code = request.plan.course.code;
  if (staff.length === 0)
    return say(`${code} has no staff of its own yet: the deployment admins may change it.`);
  return say(`The staff of ${code}: ${staff.map(mention).join(', ')}.`);
}

/**
 * `/schedule staff` lists the course's staff; `staff add @user` and `staff remove @user` give and take the
 * right to change the plan. Staff and admins only; the deployment records and checks the edit.
 */
export function registerRosterCommand(
  table: ScheduleCommandTable,
  deps: { log: Pick<Logger, 'info' | 'warn'> },
): void {
  table.register(
    staffWords('roster'),
    (request) => {
      const refused = refuseNonStaff(request, deps);
      if (refused) return refused;
      const [verb = '', ...rest] = request.args.split(' ');
      if (!verb) return list(request);
      const add = verb.toLowerCase() === 'add';
      if (!add && verb.toLowerCase() !== 'remove')
        return say(`Write \`${request.command} staff\`, \`staff add @name\` or \`staff remove @name\`.`);
      const retired = request.course.retiredAt();
      if (retired) return { content: retiredNotice(request.course, retired) };
      const [person] = request.mentions;
      if (!person || rest.length === 0)
        return say(
          `Name the person with an @-mention, e.g. \`${request.command} staff ${verb.toLowerCase()} @alex\`.`,
        );
      const { deployment, course, userId, now } = request;
      const edit = add
        ? deployment.addStaff(course, person, userId, now)
        : deployment.removeStaff(course, person, userId, now);
      if (edit.ok)
        deps.log.info(
          `staff: ${userId} ${add ? 'added' : 'removed'} ${person} ${add ? 'to' : 'from'} ${course.id}`,
        );
      return say(edit.message);
    },
    staffHelp('roster'),
  );
}
