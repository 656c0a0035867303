// Request and response schemas of the bulletin endpoints (zod: validation, types and OpenAPI in one).
import {
  Audience,
  BulletinStatus,
  Fen,
  FraudType,
  labelledEnum,
  NonEmptyText,
  ObjectIdString,
} from '@lianxin/contracts';
import { z } from 'zod';

export const AgeBand = labelledEnum({
  under_18: { zh: '18岁以下', en: 'Under 18' },
  '18_29': { zh: '18–29岁', en: '18–29' },
  '30_44': { zh: '30–44岁', en: '30–44' },
  '45_59': { zh: '45–59岁', en: '45–59' },
  '60_plus': { zh: '60岁及以上', en: '60 and over' },
});
export type AgeBand = z.infer<typeof AgeBand>;

/** Limits that keep one bulletin well inside a document and the HTTP body limit. */
export const LIMITS = { title: 100, summary: 1000, body: 20_000, point: 300, points: 20 } as const;
/** Larger bodies answer 413: the longest valid bulletin is about 80 KB of UTF-8. */
export const BODY_LIMIT_BYTES = 128 * 1024;

/** PostgreSQL's jsonb cannot hold U+0000, so FerretDB would fail the write with a 500: refused here. */
const noNul = { error: 'Must not contain the NUL character (U+0000)' };
const hasNoNul = (s: string) => !s.includes('\u0000');
/** Stored text: trimmed, non-empty, at most `max` characters, no NUL. */
const Text = (max: number) => NonEmptyText(max).refine(hasNoNul, noNul);

const Point = Text(LIMITS.point);
const CaseDate = z.iso.date({ error: 'Expected a date as YYYY-MM-DD' });

const contentShape = {
  title: Text(LIMITS.title),
  fraudType: FraudType,
  summary: Text(LIMITS.summary),
  /** Markdown, stored exactly as written; the console renders it safely. */
  body: z.string().min(1).max(LIMITS.body).refine(hasNoNul, noNul),
  caseDate: CaseDate,
  region: Text(50),
  lossFen: Fen,
  victimProfile: z.strictObject({
    ageBand: AgeBand.nullable(),
    occupation: Text(50).nullable(),
  }),
  modusOperandi: Text(2000).nullable(),
  warningSigns: z.array(Point).min(1).max(LIMITS.points),
  advice: z.array(Point).min(1).max(LIMITS.points),
  audiences: z
    .array(Audience)
    .min(1)
    .max(Audience.options.length)
    .refine((list) => new Set(list).size === list.length, { error: 'Audiences must not repeat' }),
  tags: z.array(Text(20)).max(10),
};

export const CreateBulletinBody = z.strictObject({
  ...contentShape,
  victimProfile: contentShape.victimProfile.default({ ageBand: null, occupation: null }),
  modusOperandi: contentShape.modusOperandi.default(null),
  tags: contentShape.tags.default([]),
});
export type CreateBulletinBody = z.output<typeof CreateBulletinBody>;

export const EditBulletinBody = z
  .strictObject({
    /** The `revision` you read: an edit made on an older one answers 409 with the current one. */
    expectedRevision: z.int().positive(),
    title: contentShape.title,
    fraudType: contentShape.fraudType,
    summary: contentShape.summary,
    body: contentShape.body,
    caseDate: contentShape.caseDate,
    region: contentShape.region,
    lossFen: contentShape.lossFen,
    victimProfile: contentShape.victimProfile,
    modusOperandi: contentShape.modusOperandi,
    warningSigns: contentShape.warningSigns,
    advice: contentShape.advice,
    audiences: contentShape.audiences,
    tags: contentShape.tags,
  })
  .partial({
    title: true,
    fraudType: true,
    summary: true,
    body: true,
    caseDate: true,
    region: true,
    lossFen: true,
    victimProfile: true,
    modusOperandi: true,
    warningSigns: true,
    advice: true,
    audiences: true,
    tags: true,
  });
export type EditBulletinBody = z.output<typeof EditBulletinBody>;

export const RejectBody = z.strictObject({ comment: Text(1000) });
export const RetractBody = z.strictObject({ reason: Text(500) });
/** Submit and approve carry no body (an empty JSON object is accepted too). */
export const NoBody = z.strictObject({}).nullish();

export const BulletinParams = z.strictObject({ bulletinId: ObjectIdString });

const boolish = z.enum(['true', 'false']).transform((v) => v === 'true');

export const BulletinListQuery = z.strictObject({
  fraudType: FraudType.optional(),
  audience: Audience.optional(),
  status: BulletinStatus.optional(),
  /** Case date range, inclusive (YYYY-MM-DD). */
  from: CaseDate.optional(),
  to: CaseDate.optional(),
  /** Text in the title, summary or body; words separated by spaces must all occur. */
  q: z.string().trim().min(1).max(50).optional(),
  /** Staff only: only bulletins with a version waiting for review. */
  awaitingReview: boolish.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type BulletinListQuery = z.output<typeof BulletinListQuery>;

export const BulletinMineQuery = z.strictObject({
  page: BulletinListQuery.shape.page,
  pageSize: BulletinListQuery.shape.pageSize,
});

export const BulletinViewQuery = z.strictObject({
  /** Staff only: `published` shows the public version while a newer one is pending. */
  view: z.enum(['latest', 'published']).default('latest'),
});

const VersionStateDto = z.enum([
  'draft',
  'in_review',
  'published',
  'superseded',
  'retracted',
  'discarded',
]);

const ContentDto = z.object({
  title: z.string(),
  fraudType: FraudType,
  summary: z.string(),
  body: z.string(),
  caseDate: z.string(),
  region: z.string(),
  lossFen: z.int(),
  victimProfile: z.object({ ageBand: AgeBand.nullable(), occupation: z.string().nullable() }),
  modusOperandi: z.string().nullable(),
  warningSigns: z.array(z.string()),
  advice: z.array(z.string()),
  audiences: z.array(Audience),
  tags: z.array(z.string()),
});

export const BulletinDto = ContentDto.extend({
  id: z.string(),
  status: BulletinStatus,
  /** Send it back as `expectedRevision` when editing. */
  revision: z.int(),
  version: z.int(),
  versionState: VersionStateDto,
  publishedVersion: z.int().nullable(),
  pendingVersion: z.object({ number: z.int(), state: VersionStateDto }).nullable(),
  authorId: z.string(),
  reviewerId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  lastRejection: z.object({ by: z.string(), at: z.string(), comment: z.string() }).nullable(),
  retraction: z
    .object({ reason: z.string(), retractedBy: z.string(), retractedAt: z.string() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BulletinDto = z.infer<typeof BulletinDto>;

export const BulletinPage = z.object({
  items: z.array(BulletinDto),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

export const VersionDto = ContentDto.extend({
  number: z.int(),
  state: VersionStateDto,
  authorId: z.string(),
  editorIds: z.array(z.string()),
  reviewerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rejections: z.array(z.object({ by: z.string(), at: z.string(), comment: z.string() })),
});

export const VersionsDto = z.object({
  bulletinId: z.string(),
  revision: z.int(),
  versions: z.array(VersionDto),
  /** Staff only: every write with the revision it made (empty for readers). */
  history: z.array(
    z.object({
      revision: z.int(),
      action: z.string(),
      version: z.int(),
      by: z.string(),
      at: z.string(),
      fields: z.array(z.string()),
      comment: z.string().nullable(),
    }),
  ),
});
