// Use case: the published bulletins that suit a session, best match first (read live, so publications and retractions show at once).
import { notFound } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { rankMaterials } from './materials.rules.ts';

/** Enough for any session handout; ranking happens over the newest candidates. */
const CANDIDATES = 500;

export async function listMaterials(deps: Deps, sessionId: string, limit: number) {
  const session = await deps.sessions.get(sessionId);
  if (session === null) throw notFound({ zh: '活动不存在', en: 'No such session' });
  const bulletins = await deps.bulletins.publishedOverlapping(
    session.fraudTopics,
    session.audiences,
    CANDIDATES,
  );
  const candidates = bulletins.flatMap((bulletin) => {
    const published = bulletin.versions.find((v) => v.number === bulletin.publishedNumber);
    if (published === undefined || published.publishedAt === null) return [];
    return [
      {
        id: bulletin.id,
        fraudType: published.content.fraudType,
        audiences: published.content.audiences,
        publishedAt: published.publishedAt,
        title: published.content.title,
        summary: published.content.summary,
        version: published.number,
      },
    ];
  });
  return { session, ranked: rankMaterials(session, candidates).slice(0, limit) };
}
