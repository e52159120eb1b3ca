import { mention, type Line } from '../../content/content.ts';
import type { Logger } from '../../util/logger.ts';
import type { FoundUser } from '../user-by-name.ts';
import { staffHelp, staffWords } from '../../courses/staff-command-table.ts';
import type { ScheduleCommandTable, ScheduleReply, ScheduleRequest } from '../schedule-commands.ts';
import { refuseNonStaff, textContent } from '../staff/staff-commands.ts';
import { retiredNotice } from './retired-notice.ts';

const say = (text: string): ScheduleReply => ({ content: textContent(text) });

function list(request: ScheduleRequest): ScheduleReply {
  const staff = request.course.staff();
  const code = request.plan.course.code;
  if (staff.length === 0)
    return say(`${code} has no staff of its own yet: the deployment admins may change it.`);
  // Mentions as Slack shows them (the person's name), without notifying anyone: an ephemeral reply.
  const names: Line = staff.flatMap((id, i) => [...(i ? [', '] : []), mention(id, `@${id}`)]);
  return { content: { blocks: [{ kind: 'section', lines: [[`The staff of ${code}: `, ...names, '.']] }] } };
}

/**
 * `/schedule staff` lists the course's staff; `staff add @user` and `staff remove @user` give and take the
 * right to change the plan. Staff and admins only; the deployment records and checks the edit.
 */
export interface RosterDeps {
  log: Pick<Logger, 'info' | 'warn'>;
  /** The person an `@name` typed as plain text means (a mention Slack resolved needs no lookup). */
  findUser?(typed: string): Promise<FoundUser>;
}

export function registerRosterCommand(table: ScheduleCommandTable, deps: RosterDeps): void {
  table.register(
    staffWords('roster'),
    async (request) => {
      const refused = refuseNonStaff(request, deps);
      if (refused) return refused;
      const [verb = '', ...rest] = request.args.split(' ');
      if (!verb) return list(request);
      const add = verb.toLowerCase() === 'add';
      if (!add && verb.toLowerCase() !== 'remove')
        return say(`Write \`${request.command} staff\`, \`staff add @name\` or \`staff remove @name\`.`);
      const retired = request.course.retiredAt();
      if (retired) return { content: retiredNotice(request.course, retired) };
      let [person] = request.mentions;
      if (!person && rest.length > 0 && deps.findUser) {
        const found = await deps.findUser(rest.join(' '));
        if (!found.ok) return say(found.message);
        person = found.id;
      }
      if (!person || rest.length === 0)
        return say(
          `Name the person with an @-mention, e.g. \`${request.command} staff ${verb.toLowerCase()} @alex\`.`,
        );
      const { deployment, course, userId, now } = request;
      const edit = await (add
        ? deployment.addStaff(course, person, userId, now)
        : deployment.removeStaff(course, person, userId, now));
      if (edit.ok)
        deps.log.info(
          `staff: ${userId} ${add ? 'added' : 'removed'} ${person} ${add ? 'to' : 'from'} ${course.id}`,
        );
      return say(edit.message);
    },
    staffHelp('roster'),
  );
}
