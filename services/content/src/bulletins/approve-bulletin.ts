// Use case: a reviewer who did not write it publishes the version in review; readers see it from now on.
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import { publishedEvent } from './bulletin.events.ts';
import { approveBulletin as approve, type Actor } from './bulletin.rules.ts';
import { changeBulletin } from './change-bulletin.ts';

export function approveBulletin(deps: Deps, actor: Actor, id: string): Promise<Bulletin> {
  return changeBulletin(deps, id, (current) => {
    const next = approve(current, actor, deps.now().toISOString());
    return { next, events: [publishedEvent(next)] };
  });
}
