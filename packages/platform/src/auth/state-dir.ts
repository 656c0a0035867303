// Locates the local stack's state directory: LIANXIN_STATE_DIR, else <repo root>/.lianxin.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Walks up from `start` to the folder holding `pnpm-workspace.yaml`. */
export function findRepoRoot(start: string): string {
  let current = resolve(start);
  for (;;) {
    if (existsSync(join(current, 'pnpm-workspace.yaml'))) return current;
    const parent = dirname(current);
    if (parent === current) throw new Error(`no pnpm-workspace.yaml above ${start}`);
    current = parent;
  }
}

export function resolveStateDir(configured: string | undefined, start: string): string {
  return configured === undefined ? join(findRepoRoot(start), '.lianxin') : resolve(configured);
}
