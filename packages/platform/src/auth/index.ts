// Public API of @lianxin/platform/auth: token verification, roles, bank scope, minting and dev keys.
export { Role, StaffRole } from './roles.ts';
export { TokenClaims } from './principal.ts';
export type { LiaisonPrincipal, Principal, PrincipalInput, StaffPrincipal } from './principal.ts';
export {
  createTokenVerifier,
  InvalidTokenError,
  TOKEN_ALGORITHM,
  tokenVerifierFromEnv,
} from './verify-token.ts';
export type { TokenVerifier, TokenVerifierOptions } from './verify-token.ts';
export { liaisonOf, principalOf, requireRole, staffOf } from './authenticate.ts';
export type { AuthHook } from './authenticate.ts';
export { allBanks, assertInScope, bankScope } from './bank-scope.ts';
export type { BankFilter, BankScope } from './bank-scope.ts';
export { mint } from './mint.ts';
export type { MintOptions } from './mint.ts';
export { generateKeyPair, loadOrCreateDevKeys } from './keys.ts';
export type { DevKeys, PemKeyPair } from './keys.ts';
export { findRepoRoot, resolveStateDir } from './state-dir.ts';
