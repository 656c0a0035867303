// HTTP shape of a session's materials: the published bulletins ranked for its audiences and fraud topics.
import { Audience, FraudType } from '@lianxin/contracts';
import { z } from 'zod';

export const MaterialsDto = z.object({
  sessionId: z.string(),
  title: z.string(),
  audiences: z.array(z.string()),
  fraudTopics: z.array(z.string()),
  items: z.array(
    z.object({
      bulletinId: z.string(),
      version: z.int(),
      title: z.string(),
      summary: z.string(),
      fraudType: FraudType,
      audiences: z.array(Audience),
      publishedAt: z.string(),
      score: z.int(),
      matchedAudiences: z.array(z.string()),
      fraudTypeMatches: z.boolean(),
    }),
  ),
});
export type MaterialsDto = z.infer<typeof MaterialsDto>;
