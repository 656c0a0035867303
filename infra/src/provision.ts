// Fetches and builds what the local servers need into the per-user cache, once per version.
//
// Each artifact lands in a folder named by version and a hash of the files that
// define it, written under a temporary name and renamed when complete, so an
// interrupted download is never mistaken for a finished one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { endProgress, type Reporter } from './console.ts';
import { hasCommand, run } from './run.ts';
import { FERRETDB_VERSION, KAFKA_VERSION, type StackSettings } from './settings.ts';

async function hashFiles(paths: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const p of paths) h.update(await readFile(p));
  return h.digest('hex').slice(0, 12);
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

/** The FerretDB binary built from our small Go main (infra/ferretdb), when missing. */
export async function provisionFerretDB(s: StackSettings, out: Reporter): Promise<string> {
  const src = join(s.repoRoot, 'infra/ferretdb');
  const files = ['main.go', 'go.mod', 'go.sum'].map((f) => join(src, f));
  const dir = join(s.cacheDir, `ferretdb-${FERRETDB_VERSION}-${await hashFiles(files)}`);
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

/** MailDev's entry point, installed as an npm dependency of this package. */
export function maildevEntry(s: StackSettings): string {
  const entry = join(s.repoRoot, 'infra/node_modules/maildev/dist/bin/maildev.js');
  if (!existsSync(entry)) {
    throw new MissingToolError('maildev is not installed: run `pnpm install` first.');
  }
  return entry;
}
