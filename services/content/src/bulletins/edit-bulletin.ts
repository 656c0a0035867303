// Use case: edit a draft, or start the next version of a published bulletin — only on the revision the editor read.
import { conflict } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import type { Bulletin, BulletinContent } from './bulletin.ts';
import { editBulletin as edit, type Actor } from './bulletin.rules.ts';
import { bulletinNotFound } from './change-bulletin.ts';

/**
 * Optimistic concurrency: the edit applies only to `expectedRevision`. A stale one answers 409
 * with the current revision and is not retried here — the server cannot merge two people's
 * text; the client re-reads and edits again (ADR 014).
 */
export async function editBulletin(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedRevision: number,
  patch: Partial<BulletinContent>,
): Promise<Bulletin> {
  const current = await deps.bulletins.find('staff', id);
  if (current === null) throw bulletinNotFound();
  if (current.revision !== expectedRevision)
    throw staleRevision(current.revision, expectedRevision);
  const next = edit(current, patch, actor, deps.now().toISOString());
  const saved = await deps.bulletins.save(current, next, []);
  if (saved !== null) return saved;
  const now = await deps.bulletins.find('staff', id);
  throw staleRevision(now?.revision ?? current.revision + 1, expectedRevision);
}

function staleRevision(currentRevision: number, expectedRevision: number) {
  return conflict(
    'CONFLICT',
    {
      zh: `简报已被他人修改（当前修订号 ${currentRevision}），请刷新后再编辑`,
      en: `The bulletin changed meanwhile (now revision ${currentRevision}); reload and edit again`,
    },
    [
      {
        path: 'revision',
        rule: 'current',
        message: {
          zh: `当前修订号为 ${currentRevision}`,
          en: `current revision is ${currentRevision}`,
        },
        expectedRevision,
        currentRevision,
      },
    ],
  );
}
