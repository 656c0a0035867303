// Use case: an officer starts a bulletin; it is a private draft until a reviewer approves it.
import type { Deps } from '../shared/deps.ts';
import type { Bulletin, BulletinContent } from './bulletin.ts';
import { newBulletin, type Actor } from './bulletin.rules.ts';

export async function createBulletin(
  deps: Deps,
  actor: Actor,
  content: BulletinContent,
  /** Only the demo chooses its ids, so that loading it twice finds its own bulletins. */
  id: string = deps.bulletins.newId(),
): Promise<Bulletin> {
  const bulletin = newBulletin(id, content, actor, deps.now().toISOString());
  return deps.bulletins.insert(bulletin);
}
