// The bank aggregate as use cases see it: plain data, with its branches and liaisons inside.
import type {
  BankSnapshot,
  BankType,
  LiaisonRole,
  LiaisonSnapshot,
  PartnershipStatus,
} from '@lianxin/contracts';

export interface Branch {
  id: string;
  name: string;
  address: string;
  phone: string | null;
}

export interface Liaison {
  id: string;
  name: string;
  mobile: string;
  email: string;
  title: string | null;
  role: LiaisonRole;
  active: boolean;
  addedAt: string;
  removedAt: string | null;
}

export interface Bank {
  id: string;
  code: string;
  name: { zh: string; en: string | null };
  shortName: string;
  type: BankType;
  district: string;
  address: string;
  status: PartnershipStatus;
  suspension: { reason: string; suspendedAt: string } | null;
  /** The date the partnership began, YYYY-MM-DD (a calendar date, not an instant). */
  partnerSince: string | null;
  notes: string | null;
  branches: Branch[];
  liaisons: Liaison[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What other services keep of a bank (contracts: bank.* events). */
export function bankSnapshot(b: Bank): BankSnapshot {
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    shortName: b.shortName,
    type: b.type,
    district: b.district,
    status: b.status,
    suspension: b.suspension,
  };
}

/** What other services keep of a liaison (contracts: liaison.* events). */
export function liaisonSnapshot(bankId: string, l: Liaison): LiaisonSnapshot {
  return {
    bankId,
    liaisonId: l.id,
    name: l.name,
    mobile: l.mobile,
    email: l.email,
    title: l.title,
    role: l.role,
    active: l.active,
  };
}
