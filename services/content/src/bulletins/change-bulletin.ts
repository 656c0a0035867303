// The one way a use case changes a bulletin: read, decide with a pure rule, write if nobody wrote meanwhile.
import { notFound, type AppError } from '@lianxin/platform/errors';
import type { PendingEvent } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';

export const bulletinNotFound = (): AppError =>
  notFound({ zh: '简报不存在', en: 'No such bulletin' });

export type Decision = (current: Bulletin) => { next: Bulletin; events: PendingEvent[] };

// Each retry re-reads and decides again, so a lost race becomes the rule's own answer
// (two approvals: the second finds the bulletin published and answers 409).
const MAX_ATTEMPTS = 100;

export async function changeBulletin(deps: Deps, id: string, decide: Decision): Promise<Bulletin> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.bulletins.find('staff', id);
    if (current === null) throw bulletinNotFound();
    const { next, events } = decide(current);
    const saved = await deps.bulletins.save(current, next, events);
    if (saved !== null) return saved;
  }
  throw new Error(`bulletin ${id}: still contended after ${MAX_ATTEMPTS} attempts`);
}
