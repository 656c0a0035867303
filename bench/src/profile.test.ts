// Unit tests of the CPU profile summary: self time by package and by function, idle left out.
import { describe, expect, it } from 'vitest';
import { placeOf, summariseProfile } from './profile.ts';

describe('placeOf', () => {
  it('when a script is in node_modules, then its package is named (scoped ones too)', () => {
    expect(placeOf('file:///r/node_modules/.pnpm/x/node_modules/mongodb/lib/a.js', 'f')).toBe(
      'mongodb',
    );
    expect(placeOf('file:///r/node_modules/@fastify/ajv-compiler/index.js', 'f')).toBe(
      '@fastify/ajv-compiler',
    );
  });

  it('when a script is in the workspace, then the service or package and its folder are named', () => {
    expect(placeOf('file:///r/services/outreach/src/registrations/seat-ledger.ts', 'f')).toBe(
      'services/outreach/registrations',
    );
    expect(placeOf('node:internal/streams/readable', 'f')).toBe('node (core)');
    expect(placeOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});

describe('summariseProfile', () => {
  it('when samples hit functions, then self time adds up per function and place, and idle is left out', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('parse', 'file:///r/node_modules/bson/lib/bson.js') },
        {
          id: 3,
          callFrame: frame('register', 'file:///r/services/outreach/src/registrations/x.ts'),
        },
      ],
      samples: [1, 2, 2, 3, 1],
      timeDeltas: [5000, 1000, 1000, 2000, 5000],
    });
    expect(summary.totalMs).toBe(4);
    expect(summary.byPlace).toEqual([
      { name: 'bson', ms: 2, share: 0.5 },
      { name: 'services/outreach/registrations', ms: 2, share: 0.5 },
    ]);
    expect(summary.byFunction[0]).toMatchObject({ name: 'parse:1', place: 'bson', ms: 2 });
  });
});
