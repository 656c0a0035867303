// Use case: the bulletins an officer started or wrote into, with where each stands ("my bulletins").
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import type { Page } from './bulletin.repository.ts';
import type { Actor } from './bulletin.rules.ts';

export function listMyBulletins(
  deps: Deps,
  actor: Actor,
  page: number,
  pageSize: number,
): Promise<Page<Bulletin>> {
  return deps.bulletins.writtenBy(actor.id, page, pageSize);
}
