// The build cache is keyed by every file of the Go main, so an edited serialiser or index syncer is rebuilt.
import { cp, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ferretdbBuildDir, ferretdbSources } from './provision.ts';
import { loadSettings, type StackSettings } from './settings.ts';

const temp: string[] = [];
afterAll(async () => {
  await Promise.all(temp.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the repository's Go main under a repository root of its own. */
async function copyOfGoMain(): Promise<StackSettings> {
  const base = loadSettings();
  const root = await mkdtemp(join(tmpdir(), 'lianxin-gomain-'));
  temp.push(root);
  await cp(join(base.repoRoot, 'infra/ferretdb'), join(root, 'infra/ferretdb'), {
    recursive: true,
  });
  return { ...base, repoRoot: root };
}

describe('FerretDB build cache key', () => {
  it('when the Go main is listed for the key, then every .go file, go.mod and go.sum are in it', async () => {
    const src = join(loadSettings().repoRoot, 'infra/ferretdb');
    const listed = (await ferretdbSources(src)).map((p) => p.slice(src.length + 1));
    const goFiles = (await readdir(src)).filter(
      (f) => f.endsWith('.go') && !f.endsWith('_test.go'),
    );
    expect(listed).toEqual([...goFiles, 'go.mod', 'go.sum'].sort());
    expect(listed).toEqual(expect.arrayContaining(['main.go', 'serializer.go', 'gin.go']));
  });

  it('when any file of the Go main changes or a file is added, then the build folder changes', async () => {
    const s = await copyOfGoMain();
    const src = join(s.repoRoot, 'infra/ferretdb');
    const seen = new Set([await ferretdbBuildDir(s)]);
    for (const file of ['serializer.go', 'gin.go', 'main.go', 'go.mod']) {
      await appendFile(join(src, file), '\n// changed\n');
      seen.add(await ferretdbBuildDir(s));
    }
    await writeFile(join(src, 'extra.go'), 'package main\n');
    seen.add(await ferretdbBuildDir(s));
    expect(seen.size).toBe(6);
    expect(await ferretdbBuildDir(s)).toBe(await ferretdbBuildDir(s)); // stable when nothing changes
  });
});
