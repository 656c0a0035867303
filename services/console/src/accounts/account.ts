// The account as use cases see it: a plain snapshot of the document, secrets left out.
export type AccountRole = 'coordinator' | 'officer' | 'reviewer' | 'liaison';
export type AccountStatus = 'pending' | 'active' | 'deactivated';

export interface Account {
  id: string;
  role: AccountRole;
  bankId: string | null;
  name: string;
  email: string;
  language: 'zh' | 'en';
  status: AccountStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** What sign-in reads beside the snapshot. */
export interface AccountCredentials extends Account {
  passwordHash: string | null;
  lockedUntil: Date;
}
