// HTTP routes of partner banks: each parses, calls one use case and maps the result.
import { bankScope, principalOf, requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import type { Deps } from '../shared/deps.ts';
import {
  BankDto,
  BankListQuery,
  BankPage,
  BankParams,
  RegisterBankBody,
  SuspendBankBody,
  UpdateBankBody,
} from './bank.schemas.ts';
import { registerBank } from './register-bank.ts';
import { reactivateBank } from './reactivate-bank.ts';
import { suspendBank } from './suspend-bank.ts';
import { updateBank } from './update-bank.ts';
import { bankView } from './bank.view.ts';

const tags = ['banks'];

export function bankRoutes(app: App, deps: Deps): void {
  const coordinator = [app.authenticate, requireRole('coordinator')];
  const anyone = [app.authenticate];

  app.post(
    '/banks',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '登记合作银行 Register a partner bank',
        body: RegisterBankBody,
        response: { 201: BankDto, ...errorResponses('DUPLICATE_BANK_CODE') },
      },
    },
    async (req, reply) => reply.code(201).send(bankView(await registerBank(deps, req.body))),
  );

  app.get(
    '/banks',
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: '合作银行列表 List partner banks (a liaison sees their own)',
        querystring: BankListQuery,
        response: { 200: BankPage, ...errorResponses() },
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await deps.banks.list(
        bankScope(principalOf(req)),
        filter,
        page,
        pageSize,
      );
      return { items: items.map(bankView), total, page, pageSize };
    },
  );

  app.get(
    '/banks/:bankId',
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: '银行详情 A partner bank',
        params: BankParams,
        response: { 200: BankDto, ...errorResponses('NOT_FOUND') },
      },
    },
    async (req) =>
      bankView(await deps.banks.getOrThrow(bankScope(principalOf(req)), req.params.bankId)),
  );

  app.patch(
    '/banks/:bankId',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '修改银行信息 Edit a bank',
        params: BankParams,
        body: UpdateBankBody,
        response: {
          200: BankDto,
          ...errorResponses('NOT_FOUND', 'DUPLICATE_BANK_CODE', 'CONFLICT'),
        },
      },
    },
    async (req) =>
      bankView(await updateBank(deps, bankScope(principalOf(req)), req.params.bankId, req.body)),
  );

  app.post(
    '/banks/:bankId/suspend',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '暂停合作 Suspend the partnership',
        params: BankParams,
        body: SuspendBankBody,
        response: {
          200: BankDto,
          ...errorResponses('NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'),
        },
      },
    },
    async (req) =>
      bankView(
        await suspendBank(deps, bankScope(principalOf(req)), req.params.bankId, req.body.reason),
      ),
  );

  app.post(
    '/banks/:bankId/reactivate',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '恢复合作 Reactivate the partnership',
        params: BankParams,
        response: {
          200: BankDto,
          ...errorResponses('NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'),
        },
      },
    },
    async (req) =>
      bankView(await reactivateBank(deps, bankScope(principalOf(req)), req.params.bankId)),
  );
}
