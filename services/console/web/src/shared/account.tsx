// The signed-in account, for any page below the app's frame.
import { createContext, useContext } from 'react';
import type { Account } from '../api.ts';

export const AccountContext = createContext<Account | null>(null);

/** The signed-in account; only pages behind sign-in use it. */
export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (account === null) throw new Error('useAccount outside a signed-in page');
  return account;
}
