// Use case: the subscriptions a caller may see — a liaison their bank's, an officer their own, a coordinator all.
import { bankScope, type Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import type { Subscription, Visibility } from './subscription.repository.ts';

export function visibilityOf(principal: Principal): Visibility {
  return {
    scope: bankScope(principal),
    ownerId:
      principal.role === 'officer' || principal.role === 'reviewer' ? principal.sub : undefined,
  };
}

export function listSubscriptions(deps: Deps, principal: Principal): Promise<Subscription[]> {
  return deps.subscriptions.list(visibilityOf(principal));
}
