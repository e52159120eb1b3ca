// The deployment's settings: admins, open setup and the courses folder, read with the others.
import { describe, expect, it } from 'vitest';
import { parseConfig, readSettings } from '../../src/config/env.ts';
import { UserError } from '../../src/util/user-error.ts';

describe('deployment settings', () => {
  it('reads admins, open setup and the courses folder', () => {
    const config = parseConfig({
      COURSEBOT_ADMINS: 'U0A, U0B',
      COURSEBOT_OPEN_SETUP: 'true',
      COURSEBOT_COURSES: './courses',
    });
    expect(config.admins).toEqual(['U0A', 'U0B']);
    expect(config.openSetup).toBe(true);
    expect(config.coursesPath).toBe('./courses');
    expect(readSettings({}, { COURSEBOT_ADMINS: 'U0A' }).admins).toEqual(['U0A']);
  });

  it('defaults to no admins, setup closed and one course', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ admins: [], openSetup: false });
    expect(config.coursesPath).toBeUndefined();
  });

  it('refuses a bad value in one line naming the setting', () => {
    expect(() => parseConfig({ COURSEBOT_OPEN_SETUP: 'yes' })).toThrow(UserError);
    expect(() => parseConfig({ COURSEBOT_OPEN_SETUP: 'yes' })).toThrow(/COURSEBOT_OPEN_SETUP.*true or false/);
    expect(() => parseConfig({ COURSEBOT_ADMINS: 'alice' })).toThrow(/COURSEBOT_ADMINS.*Slack user IDs/);
  });
});
