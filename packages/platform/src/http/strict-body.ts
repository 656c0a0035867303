// Finds plain `z.object`s inside a request body schema, so routes cannot silently accept unknown fields.
import type { z } from 'zod';

/**
 * Bodies reject unknown fields (ARCHITECTURE.md). A plain `z.object` strips them instead,
 * so a typo'd or injected field would vanish without a word. Every object in a body schema
 * must therefore be `z.strictObject` (unknown keys → 400 naming them) or, where extra keys
 * are deliberate, `z.looseObject`. Returns the dotted paths of the offending objects.
 */
const MAX_DEPTH = 32;

export function findNonStrictObjects(schema: z.core.$ZodType): string[] {
  const found: string[] = [];
  walk(schema, [], new Set(), found);
  return found;
}

function walk(
  schema: z.core.$ZodType,
  path: readonly string[],
  seen: Set<z.core.$ZodType>,
  found: string[],
): void {
  // `seen` stops cycles through shared instances; the depth cap stops a lazy getter that
  // builds a fresh schema on every call.
  if (seen.has(schema) || path.length > MAX_DEPTH) return;
  seen.add(schema);
  // zod's own JSON-schema converter switches on the same union; it is the documented way to
  // look inside a schema without `any`.
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'object':
      if (def.catchall === undefined) found.push(path.length > 0 ? path.join('.') : '(root)');
      for (const [key, child] of Object.entries(def.shape))
        walk(child, [...path, key], seen, found);
      if (def.catchall !== undefined) walk(def.catchall, [...path, '*'], seen, found);
      return;
    case 'array':
      walk(def.element, [...path, '[]'], seen, found);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      walk(def.innerType, path, seen, found);
      return;
    case 'union':
      for (const option of def.options) walk(option, path, seen, found);
      return;
    case 'intersection':
      walk(def.left, path, seen, found);
      walk(def.right, path, seen, found);
      return;
    case 'pipe':
      // `.transform()` puts the object on the input side, `z.preprocess()` on the output side.
      walk(def.in, path, seen, found);
      walk(def.out, path, seen, found);
      return;
    case 'lazy':
      walk(def.getter(), path, seen, found);
      return;
    case 'record':
      walk(def.valueType, [...path, '*'], seen, found);
      return;
    case 'tuple':
      def.items.forEach((item, index) => {
        walk(item, [...path, String(index)], seen, found);
      });
      if (def.rest !== null) walk(def.rest, [...path, '[]'], seen, found);
      return;
    default:
      return;
  }
}
