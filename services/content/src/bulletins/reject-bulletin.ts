// Use case: a reviewer sends the version in review back to its author as a draft, with comments.
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import { rejectBulletin as reject, type Actor } from './bulletin.rules.ts';
import { changeBulletin } from './change-bulletin.ts';

export function rejectBulletin(
  deps: Deps,
  actor: Actor,
  id: string,
  comment: string,
): Promise<Bulletin> {
  return changeBulletin(deps, id, (current) => ({
    next: reject(current, actor, comment, deps.now().toISOString()),
    events: [],
  }));
}
