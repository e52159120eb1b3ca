import { chooseCourseAction } from '../course-commands/choose-course-action.ts';
import { CHOOSE_COURSE_ACTIONS } from '../course-commands/course-chooser.ts';
import {
  RETIRE_CANCEL_ACTION,
  RETIRE_CONFIRM_ACTION,
  courseRetirement,
} from '../course-commands/retire-command.ts';
import { registerRosterCommand, type RosterDeps } from '../course-commands/roster-command.ts';
import { SETUP_CANCEL_ACTION, SETUP_CONFIRM_ACTION, courseSetup } from '../course-commands/setup-command.ts';
import { scheduleCallback, type ScheduleCallbackDeps } from '../schedule-callback.ts';
import {
  CANCEL_ACTION,
  CONFIRM_ACTION,
  registerStaffCommands,
  staffActions,
  type StaffSlackDeps,
} from '../staff/staff-commands.ts';
import type { ConfirmationStore } from '../../changes/confirmations.ts';
import type { SlackListeners } from './slack-listeners.ts';

export interface CourseListenerDeps extends Omit<ScheduleCallbackDeps, 'setup'> {
  /** The slash command as the app's manifest names it. */
  slashCommand: string;
  previewMinutes?: number;
  /** Where setup and retire previews wait for Confirm (the shared database with several instances). */
  confirmations?: ConfirmationStore;
  findUser?: RosterDeps['findUser'];
  courseOfBareButton?: StaffSlackDeps['courseOfBareButton'];
}

/**
 * The course surfaces, bound by ID: the slash command (every word, per course), the staff words' Confirm
 * and Cancel, "Which course?", setup and retire. Behaviour lives in the handler modules.
 */
export function bindCourseListeners(listeners: SlackListeners, deps: CourseListenerDeps): void {
  const { deployment, clock, log, commands } = deps;
  const previews = {
    ...(deps.previewMinutes === undefined ? {} : { previewMinutes: deps.previewMinutes }),
    ...(deps.confirmations ? { confirmations: deps.confirmations } : {}),
  };
  registerStaffCommands(commands, { log });
  registerRosterCommand(commands, { log, ...(deps.findUser ? { findUser: deps.findUser } : {}) });
  const retire = courseRetirement(commands, { deployment, clock, log, ...previews });
  const setup = courseSetup({ deployment, clock, log, ...previews });
  const {
    slashCommand: _command,
    previewMinutes: _minutes,
    confirmations: _confirmations,
    findUser: _find,
    courseOfBareButton: _bare,
    ...callback
  } = deps;
  const answering: ScheduleCallbackDeps = { ...callback, setup: setup.handler };

  listeners.command(deps.slashCommand, scheduleCallback(answering));

  const bare = deps.courseOfBareButton ? { courseOfBareButton: deps.courseOfBareButton } : {};
  const staff = staffActions({ deployment, clock, log, ...bare });
  listeners.action(CONFIRM_ACTION, staff.confirm);
  listeners.action(CANCEL_ACTION, staff.cancel);
  listeners.action(CHOOSE_COURSE_ACTIONS, chooseCourseAction(answering));
  listeners.action(SETUP_CONFIRM_ACTION, setup.confirm);
  listeners.action(SETUP_CANCEL_ACTION, setup.cancel);
  listeners.action(RETIRE_CONFIRM_ACTION, retire.confirm);
  listeners.action(RETIRE_CANCEL_ACTION, retire.cancel);
}
