// Where a case bulletin stands on its way from draft to the public.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

/** draft → in_review → published → retracted; editing a published bulletin makes a new version. */
export const BulletinStatus = labelledEnum({
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '待审核', en: 'In review' },
  published: { zh: '已发布', en: 'Published' },
  retracted: { zh: '已撤回', en: 'Retracted' },
});
export type BulletinStatus = z.infer<typeof BulletinStatus>;
