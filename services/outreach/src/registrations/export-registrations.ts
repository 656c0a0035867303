// Use case and route: a session's registrations as a CSV (UTF-8 BOM) or XLSX sign-in list with Chinese headers, mobiles masked.
import {
  labelOf,
  maskMobile,
  ObjectIdString,
  RegistrationStatus,
  WaitlistReason,
} from '@lianxin/contracts';
import { principalOf, requireRole, type Principal } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { attachment, tableFile, type Table, type TableFile } from '@lianxin/platform/tables';
import { z } from 'zod';
import { findVisibleSessionHead } from '../sessions/session-access.ts';
import type { Deps } from '../shared/deps.ts';
import { listRegistrations } from './list-registrations.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { maskEmail } from './registration.view.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** `2026-12-03 14:30` in Shanghai (China has no daylight saving). */
const shanghai = (at: Date | null | undefined): string =>
  at == null
    ? ''
    : new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

const HEADERS = [
  '序号',
  '银行',
  '姓名',
  '手机号',
  '邮箱',
  '职务',
  '网点',
  '状态',
  '候补位次',
  '候补原因',
  '报名时间',
  '签到时间',
];

function statusLabel(status: RegistrationDoc['status']): string {
  return status === 'pending' ? '处理中' : labelOf(RegistrationStatus, status);
}

/**
 * Every registration the caller may see (a liaison: their own bank's), in arrival order. The
 * file leaves the system (mailed, printed at the venue), so mobiles and emails are masked for
 * everyone (ADR 028): enough to recognise an attendee at the door, not to call them.
 */
export async function exportRegistrations(
  deps: Deps,
  principal: Principal,
  sessionId: string,
  format: 'csv' | 'xlsx',
): Promise<TableFile> {
  const session = await findVisibleSessionHead(deps, principal, sessionId);
  const [listed, banks] = await Promise.all([
    listRegistrations(deps, principal, sessionId, undefined),
    deps.banks.list(),
  ]);
  const bankName = new Map(banks.map((b) => [b._id, b.shortName]));
  const table: Table = {
    name: '报名名单',
    headers: HEADERS,
    rows: listed.map(({ registration: r, position }, i) => [
      i + 1,
      bankName.get(r.bankId) ?? r.bankId,
      r.attendee.name,
      maskMobile(r.attendee.mobile),
      r.attendee.email === null ? '' : maskEmail(r.attendee.email),
      r.attendee.position ?? '',
      r.attendee.branch ?? '',
      statusLabel(r.status),
      r.status === 'waitlisted' ? (position ?? r.waitlist?.position ?? '') : '',
      r.status === 'waitlisted' && r.waitlist !== null
        ? labelOf(WaitlistReason, r.waitlist.reason)
        : '',
      shanghai(r.registeredAt),
      shanghai(r.checkIn?.at),
    ]),
  };
  const day = shanghai(session.startsAt).slice(0, 10);
  // The title is the people's name for the file; characters a file system refuses are replaced.
  const title = session.title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 60);
  return tableFile(table, format, `报名名单-${title}-${day}`, `报名名单 ${session.title}`);
}

const ExportParams = z.strictObject({ sessionId: ObjectIdString });
const ExportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

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

export function exportRegistrationsRoute(app: App, deps: Deps): void {
  app.get(
    '/sessions/:sessionId/registrations/export',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'officer', 'liaison')],
      schema: {
        tags: ['registrations'],
        summary: '导出报名名单 A session’s registrations as CSV or XLSX (a liaison: their bank’s)',
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: FileDto, ...errorResponses('NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const file = await exportRegistrations(
        deps,
        principalOf(request),
        request.params.sessionId,
        request.query.format,
      );
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachment(file.name))
          .header('cache-control', 'no-store')
          // Fastify sends a Buffer as it is, past the serializer; the schema documents a binary body.
          .send(file.body as unknown as string)
      );
    },
  );
}
