// The liaison's texts (keys prefixed `li_` so the areas' dictionaries never collide), Chinese first.
import type { Texts } from '../shared/texts.ts';

export const LIAISON_TEXTS = {
  li_home: { zh: '首页', en: 'Home' },
} as const satisfies Texts;
