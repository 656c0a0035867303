// Unit tests of `--size name=N`: one size changed for a run, anything else refused by name.
import { describe, expect, it } from 'vitest';
import { FULL, QUICK, withSizes } from './context.ts';

describe('withSizes', () => {
  it('when a size is named with a number, then only that size changes', () => {
    const sizes = withSizes(FULL, ['readRegistrations=2000', 'readRequests=40']);
    expect(sizes.readRegistrations).toBe(2000);
    expect(sizes.readRequests).toBe(40);
    expect({
      ...sizes,
      readRegistrations: FULL.readRegistrations,
      readRequests: FULL.readRequests,
    }).toEqual(FULL);
    expect(FULL.readRegistrations).toBe(10_000);
  });

  it('when the name is unknown or the value not a number, then it throws naming the option', () => {
    expect(() => withSizes(QUICK, ['readRegistration=10'])).toThrow(/--size readRegistration=10/);
    expect(() => withSizes(QUICK, ['burstRequests=many'])).toThrow(/want name=N/);
    expect(() => withSizes(QUICK, ['burstRequests'])).toThrow(/want name=N/);
  });
});
