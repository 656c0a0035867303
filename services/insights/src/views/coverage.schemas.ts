// zod schemas of the coverage, gaps and export routes: queries (strict) and responses.
import {
  Audience,
  FraudType,
  ObjectIdString,
  OpinionStatus,
  SessionFormat,
  SessionKind,
} from '@lianxin/contracts';
import { z } from 'zod';
import { PeriodParam } from './period.rules.ts';

export const PeriodQuery = z.strictObject({ period: PeriodParam });
export const BankParams = z.strictObject({ bankId: ObjectIdString });
export const GapsQuery = z.strictObject({
  period: PeriodParam,
  /** A bank with no forum for more than this many days is a gap. */
  days: z.coerce.number().int().min(1).max(3650).optional(),
});
export const EXPORT_VIEWS = ['banks', 'audiences', 'monthly', 'feedback', 'follow-ups'] as const;
export const ExportParams = z.strictObject({ view: z.enum(EXPORT_VIEWS) });
export const ExportQuery = z.strictObject({
  period: PeriodParam,
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

const PeriodDto = z.object({ label: z.string(), from: z.string(), to: z.string() });
const withPeriod = <T extends z.ZodType>(rows: T) => z.object({ period: PeriodDto, rows });

export const BankRowDto = z.object({
  bankId: z.string(),
  code: z.string(),
  shortName: z.string(),
  status: z.string(),
  invited: z.int(),
  attended: z.int(),
  registered: z.int(),
  checkedIn: z.int(),
  lastForumAt: z.string().nullable(),
  daysSince: z.int().nullable(),
});
export const BanksDto = withPeriod(z.array(BankRowDto));
export const BankDto = withPeriod(BankRowDto);
export const AudiencesDto = withPeriod(
  z.array(
    z.object({
      audience: Audience,
      fraudType: FraudType,
      sessions: z.int(),
      people: z.int(),
      bulletins: z.int(),
    }),
  ),
);
export const MonthlyDto = withPeriod(
  z.array(
    z.object({
      month: z.string(),
      kind: SessionKind,
      organisingUnit: z.string(),
      sessions: z.int(),
      people: z.int(),
    }),
  ),
);
const Colours = { feedbacks: z.int(), red: z.int(), yellow: z.int(), blue: z.int() };
export const FeedbackDto = withPeriod(
  z.object({
    byOfficer: z.array(z.object({ officerId: z.string(), ...Colours })),
    byFormat: z.array(z.object({ format: SessionFormat, ...Colours })),
  }),
);
export const FollowUpsDto = withPeriod(
  z.array(
    z.object({
      item: z.enum(['opinion', 'follow_up']),
      status: z.union([OpinionStatus, z.literal('closed')]),
      age: z.enum(['0-7', '8-30', '31+']),
      count: z.int(),
      overdue: z.int(),
    }),
  ),
);
const SuggestionDto = z.object({
  kind: SessionKind,
  format: SessionFormat,
  audiences: z.array(Audience),
  fraudTopics: z.array(FraudType),
  materials: z.array(
    z.object({
      bulletinId: z.string(),
      title: z.string(),
      fraudType: FraudType,
      audiences: z.array(Audience),
      publishedAt: z.string(),
    }),
  ),
});
export const GapsDto = withPeriod(
  z.object({
    days: z.int(),
    banks: z.array(
      z.object({
        bankId: z.string(),
        code: z.string(),
        shortName: z.string(),
        lastForumAt: z.string().nullable(),
        daysSince: z.int().nullable(),
        suggestion: SuggestionDto,
      }),
    ),
    cells: z.array(
      z.object({ audience: Audience, fraudType: FraudType, suggestion: SuggestionDto }),
    ),
  }),
);
