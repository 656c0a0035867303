// Tokens the services accept, minted with the local stack's dev keys exactly as `pnpm run token` does.
import { loadOrCreateDevKeys, mint } from '@lianxin/platform/auth';

export interface Tokens {
  publicKeyPath: string;
  coordinator: (sub?: string) => Promise<string>;
  liaison: (bankId: string, liaisonId: string) => Promise<string>;
  /**
   * `n` coordinator tokens with distinct subjects: a measured load spreads over several users, as
   * many people using the console would (and stays under a per-user rate limit even where
   * RATE_LIMIT_MAX is not honoured).
   */
  coordinators: (n: number) => Promise<string[]>;
}

export async function devTokens(stateDir: string): Promise<Tokens> {
  const keys = await loadOrCreateDevKeys(stateDir);
  const sign = (claims: Parameters<typeof mint>[0]) =>
    mint(claims, { privateKey: keys.privateKey, expiresIn: '4h' });
  const coordinator = (sub = 'bench-coordinator') =>
    sign({ sub, role: 'coordinator', name: '压测协调员' });
  return {
    publicKeyPath: keys.publicKeyPath,
    coordinator,
    liaison: (bankId, liaisonId) =>
      sign({ sub: liaisonId, role: 'liaison', bankId, name: '压测联络员' }),
    coordinators: (n) =>
      Promise.all(Array.from({ length: n }, (_, i) => coordinator(`bench-coordinator-${i}`))),
  };
}
