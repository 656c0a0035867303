// Use case: the author sends their version to review, once the personal-data guard finds nothing.
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import { submitBulletin as submit, type Actor } from './bulletin.rules.ts';
import { changeBulletin } from './change-bulletin.ts';

export function submitBulletin(deps: Deps, actor: Actor, id: string): Promise<Bulletin> {
  return changeBulletin(deps, id, (current) => ({
    next: submit(current, actor, deps.now().toISOString()),
    events: [],
  }));
}
