// Narrowing the verified caller to the kind of user a route is for.
import { principalOf, type LiaisonPrincipal, type StaffPrincipal } from '@lianxin/platform/auth';
import { forbidden } from '@lianxin/platform/http';
import type { FastifyRequest } from 'fastify';

export function staffOf(request: FastifyRequest): StaffPrincipal {
  const principal = principalOf(request);
  if (principal.role === 'liaison') throw forbidden();
  return principal;
}

export function liaisonOf(request: FastifyRequest): LiaisonPrincipal {
  const principal = principalOf(request);
  if (principal.role !== 'liaison') {
    throw forbidden({
      zh: '只有银行联络员可以为本行员工报名',
      en: 'Only a bank liaison registers bank staff',
    });
  }
  return principal;
}
