// The three-colour service feedback (from Tangshan Lubei): a colour on each of three dimensions.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

export const FeedbackColour = labelledEnum({
  red: { zh: '红（问题整改）', en: 'Red (must be fixed)' },
  yellow: { zh: '黄（有待提升）', en: 'Yellow (to improve)' },
  blue: { zh: '蓝（优质服务）', en: 'Blue (excellent service)' },
});
export type FeedbackColour = z.infer<typeof FeedbackColour>;

export const FeedbackDimension = labelledEnum({
  attitude: { zh: '态度', en: 'Attitude' },
  tone: { zh: '语气', en: 'Tone' },
  expression: { zh: '表情', en: 'Expression' },
});
export type FeedbackDimension = z.infer<typeof FeedbackDimension>;
