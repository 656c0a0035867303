// How a liaison is shown to a caller: the mobile masked unless the viewer is a coordinator or the liaison themself.
import { maskMobile } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import type { z } from 'zod';
import type { Liaison } from '../banks/bank.ts';
import type { LiaisonDto } from './liaison.schemas.ts';

/** Coordinators and the liaison themself see the full number; everyone else the masked one. */
export function liaisonView(l: Liaison, viewer: Principal): z.infer<typeof LiaisonDto> {
  const full = viewer.role === 'coordinator' || (viewer.role === 'liaison' && viewer.sub === l.id);
  return { ...l, mobile: full ? l.mobile : maskMobile(l.mobile) };
}
