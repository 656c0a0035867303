// Unit tests for the mobile mask and the deep scrubber.
import { describe, expect, it } from 'vitest';
import { maskMobiles, scrub } from './scrub.ts';

describe('maskMobiles', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['008613812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['call 19912345678, or 15012345678.', 'call 199****5678, or 150****5678.'],
    ['/find?q=%2013812345678', '/find?q=%20138****5678'],
    ['/find?q=%2B86%20139-1234-5678', '/find?q=139****5678'],
    ['/find?q=138%201234%205678&x=1', '/find?q=138****5678&x=1'],
  ])('when the text is %s, then it becomes %s', (input, expected) => {
    expect(maskMobiles(input)).toBe(expected);
  });

  it.each([['12812345678'], ['1732812345678'], ['110101199003071234'], ['021-12345678']])(
    'when the text %s is not a mobile, then it is unchanged',
    (input) => {
      expect(maskMobiles(input)).toBe(input);
    },
  );
});

describe('scrub', () => {
  it('when given a mongoose-like object with toJSON, then its JSON form is scrubbed', () => {
    const id = { toJSON: () => '64b7f0c2a1b2c3d4e5f60718' };
    expect(scrub({ id, note: '13812345678' })).toEqual({
      id: '64b7f0c2a1b2c3d4e5f60718',
      note: '138****5678',
    });
  });

  it('when given an Error with a cause, then message, stack and cause are masked', () => {
    const error = new Error('bad 13812345678', { cause: new Error('root 13912345678') });
    const out = JSON.stringify(scrub(error));
    expect(out).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(out).toContain('bad 138****5678');
  });
});
