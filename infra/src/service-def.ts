// What each server of the local stack declares: its ports, how to prepare and start it, how to know it answers.
import type { Reporter } from './console.ts';
import type { StartSpec } from './processes.ts';
import type { StackEndpoints, StackSettings } from './settings.ts';

export const SERVICES = ['kafka', 'postgres', 'ferretdb', 'maildev'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ServiceDef {
  name: ServiceName;
  /** What it offers, for the banner. */
  describe: (e: StackEndpoints, s: StackSettings) => string;
  ports: (s: StackSettings) => number[];
  /** Provision and prepare; returns how to start it. */
  prepare: (s: StackSettings, out: Reporter) => Promise<StartSpec>;
  probe: (e: StackEndpoints) => () => Promise<void>;
  /** Services that must answer before this one starts. */
  needs?: ServiceName[];
}

/** The servers this stack runs: PostgreSQL only under FerretDB's PostgreSQL backend. */
export function servicesOf(s: StackSettings): ServiceName[] {
  return SERVICES.filter((n) => n !== 'postgres' || s.dbBackend === 'postgresql');
}
