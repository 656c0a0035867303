// The liaison rules of one bank, as pure functions: at most two active, exactly one primary whenever any is active.
import type { LiaisonRole } from '@lianxin/contracts';
import { conflict } from '@lianxin/platform/errors';
import type { Liaison } from '../banks/bank.ts';

export const MAX_ACTIVE_LIAISONS = 2;

export interface LiaisonChange {
  liaisons: Liaison[];
  /** Liaisons whose role changed as a consequence (a demoted or promoted colleague). */
  alsoChanged: string[];
}

function setRole(list: Liaison[], id: string, role: LiaisonRole): Liaison[] {
  return list.map((l) => (l.id === id ? { ...l, role } : l));
}

/** Adds an active liaison. The first is the primary; naming a new primary demotes the old one. */
export function addLiaison(
  list: Liaison[],
  added: Omit<Liaison, 'role' | 'active' | 'removedAt'>,
  role: LiaisonRole | undefined,
): LiaisonChange {
  const active = list.filter((l) => l.active);
  if (active.length >= MAX_ACTIVE_LIAISONS) {
    throw conflict('LIAISON_LIMIT', {
      zh: `每家银行最多 ${MAX_ACTIVE_LIAISONS} 名在岗联络员，请先移除一名`,
      en: `A bank has at most ${MAX_ACTIVE_LIAISONS} active liaisons; remove one first`,
    });
  }
  const primary = active.find((l) => l.role === 'primary');
  const effective: LiaisonRole = primary === undefined ? 'primary' : (role ?? 'backup');
  let next = list;
  const alsoChanged: string[] = [];
  if (effective === 'primary' && primary !== undefined) {
    next = setRole(next, primary.id, 'backup');
    alsoChanged.push(primary.id);
  }
  next = [...next, { ...added, role: effective, active: true, removedAt: null }];
  return { liaisons: next, alsoChanged };
}

/** Changes a liaison's role: promoting demotes the other primary; the only active liaison stays primary. */
export function changeRole(list: Liaison[], id: string, role: LiaisonRole): LiaisonChange {
  const target = list.find((l) => l.id === id && l.active);
  if (!target)
    throw conflict('INVALID_TRANSITION', {
      zh: '该联络员已被移除',
      en: 'This liaison has been removed',
    });
  if (target.role === role) return { liaisons: list, alsoChanged: [] };
  const other = list.find((l) => l.active && l.id !== id);
  if (role === 'backup' && other === undefined) {
    throw conflict('INVALID_TRANSITION', {
      zh: '银行唯一的在岗联络员必须是主联络员',
      en: 'A bank’s only active liaison must be its primary',
    });
  }
  let next = setRole(list, id, role);
  const alsoChanged: string[] = [];
  if (other !== undefined) {
    next = setRole(next, other.id, role === 'primary' ? 'backup' : 'primary');
    alsoChanged.push(other.id);
  }
  return { liaisons: next, alsoChanged };
}

/** Deactivates a liaison (history stays); if it was the primary, the remaining one becomes primary. */
export function removeLiaison(list: Liaison[], id: string, at: string): LiaisonChange {
  const target = list.find((l) => l.id === id && l.active);
  if (!target)
    throw conflict('INVALID_TRANSITION', {
      zh: '该联络员已被移除',
      en: 'This liaison has already been removed',
    });
  let next = list.map((l) => (l.id === id ? { ...l, active: false, removedAt: at } : l));
  const alsoChanged: string[] = [];
  const other = next.find((l) => l.active);
  if (target.role === 'primary' && other !== undefined) {
    next = setRole(next, other.id, 'primary');
    alsoChanged.push(other.id);
  }
  return { liaisons: next, alsoChanged };
}
