// HTTP routes of the coverage views, the gaps and their exports: parse → one use case → map.
import { bankScope, principalOf, requireRole } from '@lianxin/platform/auth';
import { forbidden } from '@lianxin/platform/errors';
import { BEARER_SECURITY, errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import {
  AudiencesDto,
  BankDto,
  BankParams,
  BanksDto,
  ExportParams,
  ExportQuery,
  FeedbackDto,
  FollowUpsDto,
  GapsDto,
  GapsQuery,
  MonthlyDto,
  PeriodQuery,
} from './coverage.schemas.ts';
import { exportView } from './export-coverage.ts';
import {
  findGaps,
  readAudienceCoverage,
  readBankCoverage,
  readFeedbackCoverage,
  readFollowUpCoverage,
  readMonthlyCoverage,
  readOneBankCoverage,
  type Coverage,
} from './read-coverage.ts';

/** The export as a file: CSV (UTF-8 with BOM) or XLSX, each documented under its own media type. */
const FileDto = {
  description: 'CSV (UTF-8 with BOM) or XLSX, by `format`',
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().meta({ format: 'binary' }),
    },
  },
};

const periodDto = <R>(c: Coverage<R>) => ({
  period: {
    label: c.period.label,
    from: c.period.from.toISOString(),
    to: c.period.to.toISOString(),
  },
  rows: c.rows,
});

export function coverageRoutes(app: App, deps: Deps): void {
  const anyone = [app.authenticate];
  const staff = [app.authenticate, requireRole('coordinator', 'officer', 'reviewer')];
  const security = [{ [BEARER_SECURITY]: [] }];
  const tags = ['coverage'];

  app.get(
    '/coverage/banks',
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary:
          '银行覆盖 Per bank: forums invited to and attended, people registered and checked in',
        querystring: PeriodQuery,
        response: { 200: BanksDto, ...errorResponses() },
      },
    },
    async (req) =>
      periodDto(await readBankCoverage(deps, bankScope(principalOf(req)), req.query.period)),
  );

  app.get(
    '/coverage/banks/:bankId',
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: '单个银行覆盖 One bank (a liaison: their own bank only)',
        params: BankParams,
        querystring: PeriodQuery,
        response: { 200: BankDto, ...errorResponses('NOT_FOUND') },
      },
    },
    async (req) =>
      periodDto(
        await readOneBankCoverage(
          deps,
          bankScope(principalOf(req)),
          req.params.bankId,
          req.query.period,
        ),
      ),
  );

  app.get(
    '/coverage/audiences',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: '受众×诈骗类型 Sessions, people reached and bulletins per audience and fraud type',
        querystring: PeriodQuery,
        response: { 200: AudiencesDto, ...errorResponses() },
      },
    },
    async (req) => periodDto(await readAudienceCoverage(deps, req.query.period)),
  );

  app.get(
    '/coverage/monthly',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: '场次人次 Held sessions and checked-in people per kind, unit and month',
        querystring: PeriodQuery,
        response: { 200: MonthlyDto, ...errorResponses() },
      },
    },
    async (req) => periodDto(await readMonthlyCoverage(deps, req.query.period)),
  );

  app.get(
    '/coverage/feedback',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: '三色评价 Feedback colours per officer and per format',
        querystring: PeriodQuery,
        response: { 200: FeedbackDto, ...errorResponses() },
      },
    },
    async (req) => periodDto(await readFeedbackCoverage(deps, req.query.period)),
  );

  app.get(
    '/coverage/follow-ups',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: '社情民意与整改 Opinions and red-feedback follow-ups by status and age',
        querystring: PeriodQuery,
        response: { 200: FollowUpsDto, ...errorResponses() },
      },
    },
    async (req) => periodDto(await readFollowUpCoverage(deps, req.query.period)),
  );

  app.get(
    '/gaps',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary:
          '覆盖缺口 Banks not reached and untouched audience × fraud-type cells, with suggestions',
        querystring: GapsQuery,
        response: { 200: GapsDto, ...errorResponses() },
      },
    },
    async (req) => periodDto(await findGaps(deps, req.query.period, req.query.days)),
  );

  app.get(
    '/exports/:view',
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: '导出 A view as CSV (UTF-8 with BOM) or XLSX; a liaison exports only their bank',
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: FileDto, ...errorResponses() },
      },
    },
    async (req, reply) => {
      const scope = bankScope(principalOf(req));
      if (scope.bankId !== undefined && req.params.view !== 'banks') throw forbidden();
      const file = await exportView(
        deps,
        scope,
        req.params.view,
        req.query.format,
        req.query.period,
      );
      return (
        reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          )
          // Fastify sends a Buffer as it is, past the serializer; the schema documents a binary body.
          .send(file.body as unknown as string)
      );
    },
  );
}
