// Use case: resolve an opinion with its answer (what was done or replied) — `opinion.resolved`, once; a resolved opinion stays resolved.
import type { Deps } from '../shared/deps.ts';
import type { OpinionDoc } from './opinion.model.ts';
import { updateOpinion } from './update-opinion.ts';

export function resolveOpinion(deps: Deps, opinionId: string, answer: string): Promise<OpinionDoc> {
  return updateOpinion(deps, opinionId, { status: 'resolved', resolutionNote: answer });
}
