// The published schedule.schema.json must be exactly what the zod schema generates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/plan/json-schema.ts';

describe('schedule.schema.json', () => {
  it('is up to date with the zod schema (regenerate with `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync('schedule.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(planJsonSchema());
  });

  it('lists the contract fields of a session and an event', () => {
    const schema = planJsonSchema() as {
      properties: Record<string, { items?: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(schema.properties.sessions!.items!.properties)).toEqual(
      expect.arrayContaining(['date', 'number', 'topic', 'readings', 'presentations', 'noClass', 'section']),
    );
    expect(Object.keys(schema.properties.events!.items!.properties)).toEqual(
      expect.arrayContaining(['id', 'kind', 'date', 'time', 'title', 'session']),
    );
  });
});
