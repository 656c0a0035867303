// Unit tests for the labelled codes: every code has natural Chinese and English, and the helper keeps them together.
import { describe, expect, it } from 'vitest';
import { labelledEnum, labelOf, type Label } from '../labels.ts';
import { FeedbackColour, FraudType, LABELLED_ENUMS } from './index.ts';

const HAN = /\p{Script=Han}/u;
const enums = Object.entries(LABELLED_ENUMS);

describe('labels', () => {
  it.each(enums)(
    'when listing %s, then every code has a Chinese and an English label',
    (_name, schema) => {
      expect(Object.keys(schema.labels)).toEqual(schema.options);
      for (const [code, label] of Object.entries<Label>(schema.labels)) {
        expect(label.zh, `${code} zh`).toMatch(HAN);
        expect(label.en.trim(), `${code} en`).not.toBe('');
        expect(label.en, `${code} en`).not.toMatch(HAN);
      }
    },
  );

  it.each(enums)('when listing %s, then every code is snake_case', (_name, schema) => {
    for (const code of schema.options) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });

  it('when counting fraud types, then there are the ten national types plus other', () => {
    expect(FraudType.options).toHaveLength(11);
    expect(FraudType.options.at(-1)).toBe('other');
    expect(labelOf(FraudType, 'task_rebate')).toBe('刷单返利');
  });

  it('when showing a feedback colour, then it reads as the three-colour scheme names it', () => {
    expect(labelOf(FeedbackColour, 'red')).toContain('问题整改');
    expect(labelOf(FeedbackColour, 'blue', 'en')).toContain('Blue');
  });

  it('when a code is not in the enum, then parsing refuses it', () => {
    expect(FeedbackColour.safeParse('green').success).toBe(false);
  });

  it('when an enum is built without codes, then it is refused at once', () => {
    expect(() => labelledEnum({})).toThrow(RangeError);
  });
});
