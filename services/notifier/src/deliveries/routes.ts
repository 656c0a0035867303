// HTTP entry points of deliveries (coordinators): list and filter, retry a failed one, preview the rendered email.
import { Paginated } from '@lianxin/contracts';
import { requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import type { Deps } from '../shared/deps.ts';
import {
  DeliveryParams,
  DeliveryView,
  EmailPreview,
  ListDeliveriesQuery,
} from './delivery.schemas.ts';
import { toDeliveryView, toPreview } from './delivery.view.ts';
import { listDeliveries, previewDelivery, retryDelivery } from './manage-deliveries.ts';

export function deliveryRoutes(app: App, deps: Deps): void {
  const coordinator = { onRequest: [app.authenticate, requireRole('coordinator')] };
  const tags = ['deliveries'];

  app.get(
    '/deliveries',
    {
      ...coordinator,
      schema: {
        tags,
        querystring: ListDeliveriesQuery,
        response: { 200: Paginated(DeliveryView), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const result = await listDeliveries(deps, filter, page, pageSize);
      return { ...result, items: result.items.map(toDeliveryView) };
    },
  );

  app.post(
    '/deliveries/:deliveryId/retry',
    {
      ...coordinator,
      schema: {
        tags,
        params: DeliveryParams,
        response: { 200: DeliveryView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => toDeliveryView(await retryDelivery(deps, request.params.deliveryId)),
  );

  app.get(
    '/deliveries/:deliveryId/preview',
    {
      ...coordinator,
      schema: {
        tags,
        params: DeliveryParams,
        response: { 200: EmailPreview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { doc, email } = await previewDelivery(deps, request.params.deliveryId);
      return toPreview(email, doc.recipient, doc.language);
    },
  );
}
