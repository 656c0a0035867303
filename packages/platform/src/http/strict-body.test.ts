// Unit tests for finding plain z.object schemas inside request body schemas.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findNonStrictObjects } from './strict-body.ts';

const Attendee = z.strictObject({ name: z.string(), mobile: z.string() });

describe('findNonStrictObjects', () => {
  it.each([
    ['a strict object', z.strictObject({ attendee: Attendee })],
    [
      'a strict object behind optional, nullable and default',
      z.strictObject({ a: Attendee.optional().nullable() }),
    ],
    ['an array of strict objects', z.array(Attendee)],
    [
      'a discriminated union of strict objects',
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('a'), x: z.string() }),
        z.strictObject({ kind: z.literal('b'), y: Attendee }),
      ]),
    ],
    ['a deliberate loose object', z.strictObject({ meta: z.looseObject({}) })],
    ['a transformed strict object', Attendee.transform((a) => a.name)],
    ['a strict object derived with partial and pick', Attendee.partial().pick({ name: true })],
  ])('when the body is %s, then nothing is reported', (_name, schema) => {
    expect(findNonStrictObjects(schema)).toEqual([]);
  });

  it.each([
    ['a plain object at the root', z.object({ a: z.string() }), ['(root)']],
    [
      'a plain object nested in a strict one',
      z.strictObject({ venue: z.object({ name: z.string() }) }),
      ['venue'],
    ],
    [
      'plain objects in arrays and records',
      z.strictObject({ list: z.array(z.object({})), map: z.record(z.string(), z.object({})) }),
      ['list.[]', 'map.*'],
    ],
    [
      'a plain object inside a union',
      z.union([Attendee, z.object({ other: z.string() })]),
      ['(root)'],
    ],
    [
      'a preprocessed plain object',
      z.preprocess((v) => v, z.object({ a: z.string() })),
      ['(root)'],
    ],
  ])('when the body has %s, then its path is reported', (_name, schema, paths) => {
    expect(findNonStrictObjects(schema)).toEqual(paths);
  });

  it('when the schema is recursive, then the walk terminates', () => {
    interface Node {
      children: Node[];
    }
    const NodeSchema: z.ZodType<Node> = z.lazy(() =>
      z.strictObject({ children: z.array(NodeSchema) }),
    );
    expect(findNonStrictObjects(NodeSchema)).toEqual([]);
  });
});
