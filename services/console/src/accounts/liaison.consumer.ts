// Kafka handler of the banks topic's liaison events: parse (by the consumer) → one use case.
import { LiaisonAdded, LiaisonRemoved, LiaisonUpdated } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import {
  addLiaisonAccount,
  removeLiaisonAccount,
  updateLiaisonAccount,
} from './sync-liaison-account.ts';

export const LiaisonEvents = {
  'liaison.added': LiaisonAdded,
  'liaison.updated': LiaisonUpdated,
  'liaison.removed': LiaisonRemoved,
};

export async function handleLiaisonEvent(
  deps: Deps,
  event: EventOf<typeof LiaisonEvents>,
): Promise<void> {
  switch (event.type) {
    case 'liaison.added':
      return addLiaisonAccount(deps, event.data, event.sequence);
    case 'liaison.updated':
      return updateLiaisonAccount(deps, event.data, event.sequence);
    case 'liaison.removed':
      return removeLiaisonAccount(deps, event.data);
  }
}
