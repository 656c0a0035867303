// HTTP routes of bulletins: each parses, calls one use case and maps the result; readers may be anonymous.
import { principalOf, requireRole, type Principal } from '@lianxin/platform/auth';
import { BEARER_SECURITY, errorResponses, type App } from '@lianxin/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../shared/deps.ts';
import { approveBulletin } from './approve-bulletin.ts';
import type { Readership } from './bulletin.repository.ts';
import type { Actor } from './bulletin.rules.ts';
import {
  BulletinDto,
  BulletinListQuery,
  BulletinMineQuery,
  BulletinPage,
  BulletinParams,
  BulletinViewQuery,
  CreateBulletinBody,
  EditBulletinBody,
  NoBody,
  RejectBody,
  RetractBody,
  VersionsDto,
} from './bulletin.schemas.ts';
import { bulletinView, versionsView } from './bulletin.view.ts';
import { bulletinNotFound } from './change-bulletin.ts';
import { createBulletin } from './create-bulletin.ts';
import { editBulletin } from './edit-bulletin.ts';
import { listMyBulletins } from './list-my-bulletins.ts';
import { readBulletin, searchBulletins } from './read-bulletins.ts';
import { rejectBulletin } from './reject-bulletin.ts';
import { retractBulletin } from './retract-bulletin.ts';
import { submitBulletin } from './submit-bulletin.ts';

const tags = ['bulletins'];
// Either a bearer token or none (readers may be anonymous on the GET routes).
const security: { [label: string]: string[] }[] = [{ [BEARER_SECURITY]: [] }, {}];

function actorOf(request: FastifyRequest): Actor {
  const principal: Principal = principalOf(request);
  if (principal.role === 'liaison') throw new Error('staff route reached by a liaison');
  return { id: principal.sub, role: principal.role };
}

/** Liaisons and anonymous callers read as the public does. */
function readershipOf(request: FastifyRequest): Readership {
  const role = request.principal?.role;
  return role === undefined || role === 'liaison' ? 'reader' : 'staff';
}

export function bulletinRoutes(app: App, deps: Deps): void {
  const staff = [app.authenticate, requireRole('officer', 'reviewer', 'coordinator')];
  const reviewer = [app.authenticate, requireRole('reviewer')];
  // An officer retracts only their own bulletins: the rule decides (ADR 034).
  const retractors = [app.authenticate, requireRole('officer', 'reviewer', 'coordinator')];
  // The public reads without a token; a token that is sent must be valid.
  const anyone = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.authorization !== undefined) await app.authenticate(request, reply);
  };

  app.post(
    '/bulletins',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: '撰写案例简报 Start a case bulletin (a draft)',
        body: CreateBulletinBody,
        response: { 201: BulletinDto, ...errorResponses() },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(bulletinView(await createBulletin(deps, actorOf(req), req.body), 'staff')),
  );

  app.get(
    '/bulletins',
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: '检索简报 Search bulletins (readers: published only)',
        querystring: BulletinListQuery,
        response: { 200: BulletinPage, ...errorResponses('UNAUTHORIZED') },
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const readership = readershipOf(req);
      const { items, total } = await searchBulletins(deps, readership, filter, page, pageSize);
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/bulletins/mine',
    {
      onRequest: staff,
      schema: {
        tags,
        security: [{ [BEARER_SECURITY]: [] }],
        summary: '我的简报 Bulletins I wrote or edited, latest change first',
        querystring: BulletinMineQuery,
        response: { 200: BulletinPage, ...errorResponses() },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const { items, total } = await listMyBulletins(deps, actorOf(req), page, pageSize);
      return { items: items.map((b) => bulletinView(b, 'staff')), total, page, pageSize };
    },
  );

  app.get(
    '/bulletins/:bulletinId',
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: '简报详情 A bulletin (readers: its published version)',
        params: BulletinParams,
        querystring: BulletinViewQuery,
        response: { 200: BulletinDto, ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
      },
    },
    async (req) => {
      const readership = readershipOf(req);
      const bulletin = await readBulletin(deps, readership, req.params.bulletinId);
      if (req.query.view === 'published' && bulletin.publishedNumber === null) {
        throw bulletinNotFound();
      }
      return bulletinView(bulletin, readership, req.query.view);
    },
  );

  app.get(
    '/bulletins/:bulletinId/versions',
    {
      onRequest: anyone,
      schema: {
        tags,
        security,
        summary: '版本历史 Version history (readers: published versions)',
        params: BulletinParams,
        response: { 200: VersionsDto, ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
      },
    },
    async (req) => {
      const readership = readershipOf(req);
      return versionsView(await readBulletin(deps, readership, req.params.bulletinId), readership);
    },
  );

  app.patch(
    '/bulletins/:bulletinId',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: '编辑简报 Edit (a published bulletin gets a new draft version)',
        params: BulletinParams,
        body: EditBulletinBody,
        response: {
          200: BulletinDto,
          ...errorResponses('NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION'),
        },
      },
    },
    async (req) => {
      const { expectedRevision, ...patch } = req.body;
      const bulletin = await editBulletin(
        deps,
        actorOf(req),
        req.params.bulletinId,
        expectedRevision,
        patch,
      );
      return bulletinView(bulletin, 'staff');
    },
  );

  const transitionSchema = (summary: string) => ({
    tags,
    security,
    summary,
    params: BulletinParams,
    response: {
      200: BulletinDto,
      ...errorResponses('NOT_FOUND', 'INVALID_TRANSITION', 'SELF_REVIEW', 'PII_DETECTED'),
    },
  });

  app.post(
    '/bulletins/:bulletinId/submit',
    {
      onRequest: staff,
      schema: { ...transitionSchema('提交审核 Submit for review (its author)'), body: NoBody },
    },
    async (req) =>
      bulletinView(await submitBulletin(deps, actorOf(req), req.params.bulletinId), 'staff'),
  );

  app.post(
    '/bulletins/:bulletinId/approve',
    {
      onRequest: reviewer,
      schema: {
        ...transitionSchema('审核通过并发布 Approve and publish (a reviewer who did not write it)'),
        body: NoBody,
      },
    },
    async (req) =>
      bulletinView(await approveBulletin(deps, actorOf(req), req.params.bulletinId), 'staff'),
  );

  app.post(
    '/bulletins/:bulletinId/reject',
    {
      onRequest: reviewer,
      schema: {
        ...transitionSchema('退回修改 Back to draft with comments (reviewer)'),
        body: RejectBody,
      },
    },
    async (req) =>
      bulletinView(
        await rejectBulletin(deps, actorOf(req), req.params.bulletinId, req.body.comment),
        'staff',
      ),
  );

  app.post(
    '/bulletins/:bulletinId/retract',
    {
      onRequest: retractors,
      schema: {
        ...transitionSchema('撤回 Retract with a reason (reviewer, coordinator, its own officer)'),
        body: RetractBody,
      },
    },
    async (req) =>
      bulletinView(
        await retractBulletin(deps, actorOf(req), req.params.bulletinId, req.body.reason),
        'staff',
      ),
  );
}
