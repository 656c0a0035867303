// Use case: take a published bulletin down for everyone, with a reason; sessions lose it as material.
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import { retractedEvent } from './bulletin.events.ts';
import { retractBulletin as retract, type Actor } from './bulletin.rules.ts';
import { changeBulletin } from './change-bulletin.ts';

export function retractBulletin(
  deps: Deps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Bulletin> {
  return changeBulletin(deps, id, (current) => {
    const next = retract(current, actor, reason, deps.now().toISOString());
    return { next, events: [retractedEvent(next)] };
  });
}
