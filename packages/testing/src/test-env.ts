// Per-test-file isolation: its own database name and topic prefix, so files run in parallel without meeting.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { inject } from 'vitest';
import type { InfraSettings } from './settings.ts';
import './settings.ts';

export interface TestEnv extends InfraSettings {
  /** A database name no other test file uses (FerretDB: letters, digits, underscores). */
  dbName: string;
  /** mongoUrl with dbName as its path. */
  dbUrl: string;
  /** Prefix for this file's topic names, e.g. `t_ab12cd_`. */
  topicPrefix: string;
  /** A name unique to this file, for consumer groups, client ids, email recipients. */
  id: string;
  topic: (name: string) => string;
}

let current: TestEnv | undefined;

/** The connection settings for this test file; the same object for every call within the file. */
export function testEnv(fileHint = ''): TestEnv {
  if (current) return current;
  const infra = inject('infra');
  const stem = basename(fileHint || 'file')
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 16);
  const id = `${stem.toLowerCase() || 't'}_${randomBytes(4).toString('hex')}`;
  const dbName = `lx_${id}`;
  const url = new URL(infra.mongoUrl);
  url.pathname = `/${dbName}`;
  const topicPrefix = `t_${id}_`;
  current = {
    ...infra,
    dbName,
    dbUrl: url.toString(),
    topicPrefix,
    id,
    topic: (name) => `${topicPrefix}${name}`,
  };
  return current;
}
