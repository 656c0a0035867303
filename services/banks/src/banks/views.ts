// How banks and liaisons are shown to a caller: counts instead of inner lists, mobiles masked by default.
import { maskMobile } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import type { z } from 'zod';
import type { Bank, Liaison } from './bank.ts';
import type { BankDto, LiaisonDto } from './bank.schemas.ts';

export function bankView(b: Bank): z.infer<typeof BankDto> {
  const { branches, liaisons, version: _v, ...rest } = b;
  return {
    ...rest,
    branchCount: branches.length,
    activeLiaisonCount: liaisons.filter((l) => l.active).length,
  };
}

/** Coordinators and the liaison themself see the full number; everyone else the masked one. */
export function liaisonView(l: Liaison, viewer: Principal): z.infer<typeof LiaisonDto> {
  const full = viewer.role === 'coordinator' || (viewer.role === 'liaison' && viewer.sub === l.id);
  return { ...l, mobile: full ? l.mobile : maskMobile(l.mobile) };
}
