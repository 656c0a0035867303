// Who a signed-in user is: the `role` claim of every JWT.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

export const Role = labelledEnum({
  coordinator: { zh: '反诈中心协调员', en: 'Anti-fraud center coordinator' },
  officer: { zh: '民警', en: 'Officer' },
  reviewer: { zh: '审核民警', en: 'Reviewer' },
  liaison: { zh: '银行联络员', en: 'Bank liaison' },
});
export type Role = z.infer<typeof Role>;
