// The coordinator's calls: banks, sessions and their registrations, coverage, opinions, accounts — typed from the services' zod schemas.
import type { z } from 'zod';
import type {
  AccountView as AccountViewSchema,
  CreateAccountBody as CreateAccountBodySchema,
} from '../../../src/accounts/account.schemas.ts';
import type {
  BankDto as BankDtoSchema,
  BankPage as BankPageSchema,
  RegisterBankBody as RegisterBankBodySchema,
  UpdateBankBody as UpdateBankBodySchema,
} from '../../../../banks/src/banks/bank.schemas.ts';
import type {
  BranchBody as BranchBodySchema,
  BranchDto as BranchDtoSchema,
} from '../../../../banks/src/branches/branch.schemas.ts';
import type {
  AddLiaisonBody as AddLiaisonBodySchema,
  LiaisonDto as LiaisonDtoSchema,
} from '../../../../banks/src/liaisons/liaison.schemas.ts';
import type {
  BanksDto as BanksDtoSchema,
  FollowUpsDto as FollowUpsDtoSchema,
} from '../../../../insights/src/views/coverage.schemas.ts';
import type { OpinionView as OpinionViewSchema } from '../../../../outreach/src/opinions/opinion.schemas.ts';
import type { RegistrationView as RegistrationViewSchema } from '../../../../outreach/src/registrations/registration.schemas.ts';
import type {
  ScheduleSessionBody as ScheduleSessionBodySchema,
  SlotConflictsView as SlotConflictsViewSchema,
} from '../../../../outreach/src/sessions/session.schemas.ts';
import { call, type OutreachSession, type Page } from '../api.ts';

export type Bank = z.infer<typeof BankDtoSchema>;
export type BankPage = z.infer<typeof BankPageSchema>;
export type NewBank = z.input<typeof RegisterBankBodySchema>;
export type BankChange = z.input<typeof UpdateBankBodySchema>;
export type Branch = z.infer<typeof BranchDtoSchema>;
export type NewBranch = z.input<typeof BranchBodySchema>;
export type Liaison = z.infer<typeof LiaisonDtoSchema>;
export type NewLiaison = z.input<typeof AddLiaisonBodySchema>;
export type BankCoverage = z.infer<typeof BanksDtoSchema>;
export type FollowUpCoverage = z.infer<typeof FollowUpsDtoSchema>;
export type Opinion = z.infer<typeof OpinionViewSchema>;
export type Registration = z.infer<typeof RegistrationViewSchema>;
export type NewSession = z.input<typeof ScheduleSessionBodySchema>;
export type SlotConflicts = z.infer<typeof SlotConflictsViewSchema>;
export type StaffAccount = z.infer<typeof AccountViewSchema>;
export type NewAccount = z.input<typeof CreateAccountBodySchema>;

const BANKS = '/api/banks/banks';
const OUTREACH = '/api/outreach';

function query(params: Record<string, string | number | readonly string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    for (const v of typeof value === 'object' ? value : [String(value)]) q.append(key, v);
  }
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}

export interface ConflictPlan {
  startsAt: string;
  endsAt: string;
  venueName?: string;
  venueAddress?: string;
  hostOfficerIds?: readonly string[];
}

export const coordinatorApi = {
  banks: (filter: { q?: string; status?: string; page?: number; pageSize?: number } = {}) =>
    call<BankPage>('GET', `${BANKS}${query({ pageSize: 100, ...filter })}`),
  bank: (id: string) => call<Bank>('GET', `${BANKS}/${id}`),
  createBank: (body: NewBank) => call<Bank>('POST', BANKS, body),
  updateBank: (id: string, body: BankChange) => call<Bank>('PATCH', `${BANKS}/${id}`, body),
  suspendBank: (id: string, reason: string) =>
    call<Bank>('POST', `${BANKS}/${id}/suspend`, { reason }),
  reactivateBank: (id: string) => call<Bank>('POST', `${BANKS}/${id}/reactivate`),
  branches: (bankId: string) => call<{ items: Branch[] }>('GET', `${BANKS}/${bankId}/branches`),
  addBranch: (bankId: string, body: NewBranch) =>
    call<Branch>('POST', `${BANKS}/${bankId}/branches`, body),
  removeBranch: (bankId: string, branchId: string) =>
    call<undefined>('DELETE', `${BANKS}/${bankId}/branches/${branchId}`),
  liaisons: (bankId: string) => call<{ items: Liaison[] }>('GET', `${BANKS}/${bankId}/liaisons`),
  addLiaison: (bankId: string, body: NewLiaison) =>
    call<Liaison>('POST', `${BANKS}/${bankId}/liaisons`, body),
  removeLiaison: (bankId: string, liaisonId: string) =>
    call<undefined>('DELETE', `${BANKS}/${bankId}/liaisons/${liaisonId}`),

  upcomingSessions: () =>
    call<Page<OutreachSession>>(
      'GET',
      `${OUTREACH}/sessions${query({ status: 'scheduled', from: new Date().toISOString(), pageSize: 50 })}`,
    ),
  sessions: (filter: { status?: string; page?: number } = {}) =>
    call<Page<OutreachSession>>('GET', `${OUTREACH}/sessions${query({ pageSize: 50, ...filter })}`),
  session: (id: string) => call<OutreachSession>('GET', `${OUTREACH}/sessions/${id}`),
  schedule: (body: NewSession) => call<OutreachSession>('POST', `${OUTREACH}/sessions`, body),
  conflicts: (plan: ConflictPlan) =>
    call<SlotConflicts>('GET', `${OUTREACH}/sessions/conflicts${query({ ...plan })}`),
  registrations: (sessionId: string) =>
    call<{ items: Registration[] }>('GET', `${OUTREACH}/sessions/${sessionId}/registrations`),
  /** A link the browser downloads through the gateway (the session cookie is the credential). */
  exportUrl: (sessionId: string, format: 'csv' | 'xlsx') =>
    `${OUTREACH}/sessions/${sessionId}/registrations/export?format=${format}`,
  /** Opinions not yet resolved: open and in progress, the oldest due first. */
  async openOpinions(): Promise<Page<Opinion>> {
    const pages = await Promise.all(
      (['open', 'in_progress'] as const).map((status) =>
        call<Page<Opinion>>('GET', `${OUTREACH}/opinions${query({ status, pageSize: 50 })}`),
      ),
    );
    return {
      items: pages.flatMap((p) => p.items).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
      total: pages.reduce((sum, p) => sum + p.total, 0),
    };
  },

  bankCoverage: () => call<BankCoverage>('GET', '/api/insights/coverage/banks'),
  followUps: () => call<FollowUpCoverage>('GET', '/api/insights/coverage/follow-ups'),

  accounts: (filter: { role?: string; status?: string } = {}) =>
    call<{ items: StaffAccount[] }>('GET', `/accounts${query(filter)}`),
  createAccount: (body: NewAccount) => call<StaffAccount>('POST', '/accounts', body),
  deactivateAccount: (id: string) => call<undefined>('POST', `/accounts/${id}/deactivate`),
};
