// The coordinator's texts (keys prefixed `co_` so the areas' dictionaries never collide), Chinese first.
import type { Texts } from '../shared/texts.ts';

export const COORDINATOR_TEXTS = {
  co_home: { zh: '首页', en: 'Home' },
} as const satisfies Texts;
