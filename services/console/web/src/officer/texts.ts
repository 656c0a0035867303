// The officer's texts (keys prefixed `of_` so the areas' dictionaries never collide), Chinese first.
import type { Texts } from '../shared/texts.ts';

export const OFFICER_TEXTS = {
  of_home: { zh: '首页', en: 'Home' },
} as const satisfies Texts;
