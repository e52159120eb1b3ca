import { z } from 'zod';
import { planSchema } from './schema.ts';

/** The JSON Schema published as schedule.schema.json, generated from the zod schema. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/coursebot/coursebot/schedule.schema.json',
    title: 'coursebot course plan (schedule.json)',
  };
}
