// The reviewer's texts (keys prefixed `rv_` so the areas' dictionaries never collide), Chinese first.
import type { Texts } from '../shared/texts.ts';

export const REVIEWER_TEXTS = {
  rv_home: { zh: '首页', en: 'Home' },
} as const satisfies Texts;
