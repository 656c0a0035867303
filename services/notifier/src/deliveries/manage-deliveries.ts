// Use cases of the delivery API: list with filters, put a failed one back in the queue, render one as it was sent.
import { conflict, notFound, type AppError } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import type { DeliveryDoc } from './delivery.model.ts';
import type { DeliveryFilter } from './delivery.repository.ts';
import { renderDelivery } from './send-delivery.ts';

const deliveryNotFound = (): AppError =>
  notFound({ zh: '投递记录不存在', en: 'The delivery does not exist' });

export function listDeliveries(deps: Deps, filter: DeliveryFilter, page: number, pageSize: number) {
  return deps.deliveries.list(filter, page, pageSize);
}

/** Only a delivery that has given up (dead) or was cancelled goes back; a sent email is never sent again from here. */
export async function retryDelivery(deps: Deps, id: string): Promise<DeliveryDoc> {
  const retried = await deps.deliveries.retry(id, deps.now());
  if (retried !== null) {
    deps.wake();
    return retried;
  }
  const existing = await deps.deliveries.get(id);
  if (existing === null) throw deliveryNotFound();
  throw conflict(
    'INVALID_TRANSITION',
    {
      zh: '只有失败或已取消的投递可以重试',
      en: 'Only a dead or cancelled delivery can be retried',
    },
    [
      {
        path: 'status',
        rule: 'state',
        message: { zh: `投递状态为 ${existing.status}`, en: `status is ${existing.status}` },
        status: existing.status,
      },
    ],
  );
}

export async function previewDelivery(deps: Deps, id: string) {
  const doc = await deps.deliveries.get(id);
  if (doc === null) throw deliveryNotFound();
  return {
    doc,
    email: await renderDelivery({ templates: deps.templates, from: deps.settings.from }, doc),
  };
}
