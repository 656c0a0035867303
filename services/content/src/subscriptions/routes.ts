// HTTP routes of subscriptions: subscribe, list what one may see, unsubscribe.
import { principalOf } from '@lianxin/platform/auth';
import { BEARER_SECURITY, errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { createSubscription } from './create-subscription.ts';
import { listSubscriptions } from './list-subscriptions.ts';
import { removeSubscription } from './remove-subscription.ts';
import {
  CreateSubscriptionBody,
  SubscriptionDto,
  SubscriptionList,
  SubscriptionParams,
} from './subscription.schemas.ts';
import { subscriptionView } from './subscription.view.ts';

const tags = ['subscriptions'];
const security = [{ [BEARER_SECURITY]: [] }];

export function subscriptionRoutes(app: App, deps: Deps): void {
  app.post(
    '/subscriptions',
    {
      onRequest: [app.authenticate],
      schema: {
        tags,
        security,
        summary:
          '订阅简报 Subscribe to fraud types and/or audiences (201 new, 200 already subscribed)',
        body: CreateSubscriptionBody,
        response: { 201: SubscriptionDto, 200: SubscriptionDto, ...errorResponses() },
      },
    },
    async (req, reply) => {
      const { subscription, created } = await createSubscription(deps, principalOf(req), req.body);
      return reply.code(created ? 201 : 200).send(subscriptionView(subscription));
    },
  );

  app.get(
    '/subscriptions',
    {
      onRequest: [app.authenticate],
      schema: {
        tags,
        security,
        summary: '我的订阅 Subscriptions',
        response: { 200: SubscriptionList, ...errorResponses() },
      },
    },
    async (req) => {
      const items = await listSubscriptions(deps, principalOf(req));
      return { items: items.map(subscriptionView), total: items.length };
    },
  );

  app.delete(
    '/subscriptions/:subscriptionId',
    {
      onRequest: [app.authenticate],
      schema: {
        tags,
        security,
        summary: '取消订阅 Unsubscribe',
        params: SubscriptionParams,
        response: { 204: z.null(), ...errorResponses('NOT_FOUND') },
      },
    },
    async (req, reply) => {
      await removeSubscription(deps, principalOf(req), req.params.subscriptionId);
      return reply.code(204).send(null);
    },
  );
}
