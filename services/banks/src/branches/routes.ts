// HTTP routes of a bank's branches: everyone signed in reads (a liaison their own bank), coordinators change.
import { bankScope, principalOf, requireRole } from '@lianxin/platform/auth';
import { BEARER_SECURITY, errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import {
  BankParams,
  BranchBody,
  BranchDto,
  BranchParams,
  UpdateBranchBody,
} from '../banks/bank.schemas.ts';
import { staffScope } from '../banks/routes.ts';
import type { BanksDeps } from '../deps.ts';
import { addBranch, removeBranch, updateBranch } from './manage-branches.ts';

const tags = ['branches'];
const security = [{ [BEARER_SECURITY]: [] }];

export function branchRoutes(app: App, deps: BanksDeps): void {
  const coordinator = [app.authenticate, requireRole('coordinator')];

  app.get(
    '/banks/:bankId/branches',
    {
      onRequest: [app.authenticate],
      schema: {
        tags,
        security,
        summary: '网点列表 Branches of a bank',
        params: BankParams,
        response: {
          200: z.object({ items: z.array(BranchDto) }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (req) => ({
      items: (await deps.banks.getOrThrow(bankScope(principalOf(req)), req.params.bankId)).branches,
    }),
  );

  app.post(
    '/banks/:bankId/branches',
    {
      onRequest: coordinator,
      schema: {
        tags,
        security,
        summary: '新增网点 Add a branch',
        params: BankParams,
        body: BranchBody,
        response: { 201: BranchDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addBranch(deps, staffScope(req), req.params.bankId, req.body)),
  );

  app.patch(
    '/banks/:bankId/branches/:branchId',
    {
      onRequest: coordinator,
      schema: {
        tags,
        security,
        summary: '修改网点 Edit a branch',
        params: BranchParams,
        body: UpdateBranchBody,
        response: { 200: BranchDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) =>
      updateBranch(deps, staffScope(req), req.params.bankId, req.params.branchId, req.body),
  );

  app.delete(
    '/banks/:bankId/branches/:branchId',
    {
      onRequest: coordinator,
      schema: {
        tags,
        security,
        summary: '删除网点 Remove a branch',
        params: BranchParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeBranch(deps, staffScope(req), req.params.bankId, req.params.branchId);
      return reply.code(204).send(null);
    },
  );
}
