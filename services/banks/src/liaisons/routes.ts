// HTTP routes of a bank's liaisons: coordinators manage them; a liaison reads their bank's and edits their own contact.
import { bankScope, principalOf, requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import { BankParams } from '../banks/bank.schemas.ts';
import { AddLiaisonBody, LiaisonDto, LiaisonParams, UpdateLiaisonBody } from './liaison.schemas.ts';
import { liaisonView } from './liaison.view.ts';
import type { Deps } from '../shared/deps.ts';
import { addLiaisonToBank } from './add-liaison.ts';
import { removeLiaisonFromBank } from './remove-liaison.ts';
import { updateLiaison } from './update-liaison.ts';

const tags = ['liaisons'];

export function liaisonRoutes(app: App, deps: Deps): void {
  const coordinator = [app.authenticate, requireRole('coordinator')];
  const coordinatorOrLiaison = [app.authenticate, requireRole('coordinator', 'liaison')];

  app.get(
    '/banks/:bankId/liaisons',
    {
      onRequest: coordinatorOrLiaison,
      schema: {
        tags,
        summary: '联络员列表 Liaisons of a bank (active and removed)',
        params: BankParams,
        response: {
          200: z.object({ items: z.array(LiaisonDto) }),
          ...errorResponses('NOT_FOUND'),
        },
      },
    },
    async (req) => {
      const viewer = principalOf(req);
      const bank = await deps.banks.getOrThrow(bankScope(viewer), req.params.bankId);
      return { items: bank.liaisons.map((l) => liaisonView(l, viewer)) };
    },
  );

  app.post(
    '/banks/:bankId/liaisons',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '新增联络员 Add a liaison',
        params: BankParams,
        body: AddLiaisonBody,
        response: {
          201: LiaisonDto,
          ...errorResponses('NOT_FOUND', 'LIAISON_LIMIT', 'DUPLICATE_LIAISON_CONTACT', 'CONFLICT'),
        },
      },
    },
    async (req, reply) => {
      const liaison = await addLiaisonToBank(
        deps,
        bankScope(principalOf(req)),
        req.params.bankId,
        req.body,
      );
      return reply.code(201).send(liaisonView(liaison, principalOf(req)));
    },
  );

  app.patch(
    '/banks/:bankId/liaisons/:liaisonId',
    {
      onRequest: coordinatorOrLiaison,
      schema: {
        tags,
        summary: '修改联络员 Edit a liaison (a liaison: own contact details only)',
        params: LiaisonParams,
        body: UpdateLiaisonBody,
        response: {
          200: LiaisonDto,
          ...errorResponses(
            'NOT_FOUND',
            'DUPLICATE_LIAISON_CONTACT',
            'INVALID_TRANSITION',
            'LIAISON_LIMIT',
            'CONFLICT',
          ),
        },
      },
    },
    async (req) => {
      const by = principalOf(req);
      const liaison = await updateLiaison(
        deps,
        bankScope(by),
        by,
        req.params.bankId,
        req.params.liaisonId,
        req.body,
      );
      return liaisonView(liaison, by);
    },
  );

  app.delete(
    '/banks/:bankId/liaisons/:liaisonId',
    {
      onRequest: coordinator,
      schema: {
        tags,
        summary: '移除联络员（保留记录） Remove a liaison (history stays)',
        params: LiaisonParams,
        response: {
          204: z.null(),
          ...errorResponses('NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'),
        },
      },
    },
    async (req, reply) => {
      await removeLiaisonFromBank(
        deps,
        bankScope(principalOf(req)),
        req.params.bankId,
        req.params.liaisonId,
      );
      return reply.code(204).send(null);
    },
  );
}
