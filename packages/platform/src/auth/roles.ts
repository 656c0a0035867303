// The four roles of ARCHITECTURE.md; defined here until @lianxin/contracts exports them.
import { z } from 'zod';

export const Role = z.enum(['coordinator', 'officer', 'reviewer', 'liaison']);
export type Role = z.infer<typeof Role>;

/** Roles that work across banks; only a liaison is tied to one. */
export const StaffRole = Role.exclude(['liaison']);
export type StaffRole = z.infer<typeof StaffRole>;
