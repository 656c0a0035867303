// HTTP routes of a bank's branches: everyone signed in reads (a liaison their own bank), coordinators change.
import { bankScope, principalOf, requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import { BankParams } from '../banks/bank.schemas.ts';
import { BranchBody, BranchDto, BranchParams, UpdateBranchBody } from './branch.schemas.ts';
import type { Deps } from '../shared/deps.ts';
import { addBranch } from './add-branch.ts';
import { removeBranch } from './remove-branch.ts';
import { updateBranch } from './update-branch.ts';

const tags = ['branches'];

export function branchRoutes(app: App, deps: Deps): void {
  const coordinator = [app.authenticate, requireRole('coordinator')];

  app.get(
    '/banks/:bankId/branches',
    {
      onRequest: [app.authenticate],
      schema: {
        tags,
        summary: '网点列表 Branches of a bank',
        params: BankParams,
        response: {
          200: z.object({ items: z.array(BranchDto) }),
          ...errorResponses('NOT_FOUND'),
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
        summary: '新增网点 Add a branch',
        params: BankParams,
        body: BranchBody,
        response: { 201: BranchDto, ...errorResponses('NOT_FOUND', 'CONFLICT') },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await addBranch(deps, bankScope(principalOf(req)), req.params.bankId, req.body)),
  );

  app.patch(
    '/banks/:bankId/branches/:branchId',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '修改网点 Edit a branch',
        params: BranchParams,
        body: UpdateBranchBody,
        response: { 200: BranchDto, ...errorResponses('NOT_FOUND', 'CONFLICT') },
      },
    },
    async (req) =>
      updateBranch(
        deps,
        bankScope(principalOf(req)),
        req.params.bankId,
        req.params.branchId,
        req.body,
      ),
  );

  app.delete(
    '/banks/:bankId/branches/:branchId',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '删除网点 Remove a branch',
        params: BranchParams,
        response: { 204: z.null(), ...errorResponses('NOT_FOUND', 'CONFLICT') },
      },
    },
    async (req, reply) => {
      await removeBranch(deps, bankScope(principalOf(req)), req.params.bankId, req.params.branchId);
      return reply.code(204).send(null);
    },
  );
}
