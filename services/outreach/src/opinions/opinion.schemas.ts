// HTTP shapes of opinions (社情民意).
import {
  Instant,
  NonEmptyText,
  ObjectIdString,
  OpinionCategory,
  OpinionStatus,
  PageQuery,
  UserId,
} from '@lianxin/contracts';
import { z } from 'zod';

export const RaiseOpinionBody = z.strictObject({
  category: OpinionCategory,
  text: NonEmptyText(2000),
  /** An organisation or a description, e.g. 某物流公司负责人 — never an ID number. */
  raisedBy: NonEmptyText(100),
  ownerId: UserId,
  dueAt: Instant,
});
export type RaiseOpinionBody = z.output<typeof RaiseOpinionBody>;

export const PatchOpinionBody = z.strictObject({
  category: OpinionCategory.optional(),
  ownerId: UserId.optional(),
  dueAt: Instant.optional(),
  status: OpinionStatus.optional(),
  resolutionNote: NonEmptyText(2000).optional(),
});
export type PatchOpinionBody = z.output<typeof PatchOpinionBody>;

/** POST /opinions/:id/resolve: the answer given, or what was done. */
export const ResolveOpinionBody = z.strictObject({ resolutionNote: NonEmptyText(2000) });

export const OpinionParams = z.strictObject({ opinionId: ObjectIdString });

export const ListOpinionsQuery = PageQuery.extend({
  status: OpinionStatus.optional(),
  sessionId: ObjectIdString.optional(),
  ownerId: UserId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type ListOpinionsQuery = z.output<typeof ListOpinionsQuery>;

export const OpinionView = z.object({
  id: z.string(),
  sessionId: z.string(),
  category: OpinionCategory,
  text: z.string(),
  raisedBy: z.string(),
  recordedBy: z.string(),
  ownerId: z.string(),
  dueAt: z.string(),
  status: OpinionStatus,
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type OpinionView = z.infer<typeof OpinionView>;
