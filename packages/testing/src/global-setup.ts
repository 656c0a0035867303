// Vitest global setup: finds real servers once per run and provides their addresses to every test file.
import type { TestProject } from 'vitest/node';
import { provide } from './providers.ts';
import './settings.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const provided = await provide();
  project.provide('infra', provided.settings);
  console.log(`[testing] infrastructure: ${provided.describe} — ready in ${Date.now() - t0} ms`);
  return provided.stop;
}
