// How a session's materials are ranked: overlap with its audiences and fraud topics first, then recency. Pure.

export interface Candidate {
  id: string;
  fraudType: string;
  audiences: readonly string[];
  publishedAt: string;
}

export interface Ranked<C extends Candidate> {
  bulletin: C;
  /** Shared audiences plus one for a matching fraud type. */
  score: number;
  matchedAudiences: string[];
  fraudTypeMatches: boolean;
}

export function rankMaterials<C extends Candidate>(
  session: { audiences: readonly string[]; fraudTopics: readonly string[] },
  candidates: readonly C[],
): Ranked<C>[] {
  return candidates
    .map((bulletin) => {
      const matchedAudiences = bulletin.audiences.filter((a) => session.audiences.includes(a));
      const fraudTypeMatches = session.fraudTopics.includes(bulletin.fraudType);
      return {
        bulletin,
        matchedAudiences,
        fraudTypeMatches,
        score: matchedAudiences.length + (fraudTypeMatches ? 1 : 0),
      };
    })
    .filter((r) => r.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.bulletin.publishedAt.localeCompare(a.bulletin.publishedAt) ||
        a.bulletin.id.localeCompare(b.bulletin.id),
    );
}
