// `pnpm fuzz [service…]`: starts each service against the dev stack (own database, `fuzz.` topics, rate limit off) and runs schemathesis over its /docs/json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot, loadOrCreateDevKeys, mint, resolveStateDir } from '@lianxin/platform/auth';

const root = findRepoRoot(import.meta.dirname);
const stateDir = resolveStateDir(process.env['LIANXIN_STATE_DIR'], root);
const outDir = join(stateDir, 'fuzz');
const PORTS: Record<string, number> = {
  banks: 4191,
  outreach: 4192,
  content: 4193,
  notifier: 4194,
  insights: 4195,
  // Not 4190: fetch refuses it (a WHATWG "bad port", ManageSieve).
  console: 4196,
};
const requested = process.argv.slice(2);
const services = (requested.length > 0 ? requested : Object.keys(PORTS)).filter((name) =>
  existsSync(join(root, 'services', name, 'src', 'main.ts')),
);

/** schemathesis from PyPI: on PATH, or installed once into .lianxin/fuzz/venv. */
function schemathesis(): string {
  if (spawnSync('schemathesis', ['--version']).status === 0) return 'schemathesis';
  const venv = join(outDir, 'venv');
  const bin = join(venv, 'bin', 'schemathesis');
  if (!existsSync(bin)) {
    console.log('installing schemathesis from PyPI into', venv);
    const made = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    const installed = spawnSync(join(venv, 'bin', 'pip'), ['install', '-q', 'schemathesis'], {
      stdio: 'inherit',
    });
    if (made.status !== 0 || installed.status !== 0)
      throw new Error('could not install schemathesis');
  }
  return bin;
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('not ready within 120 s');
}

async function main(): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const tool = schemathesis();
  const keys = await loadOrCreateDevKeys(stateDir);
  const token = await mint(
    { sub: 'fuzzer', role: 'coordinator', name: 'fuzzer' },
    { privateKey: keys.privateKey, expiresIn: '8h' },
  );
  const mongo = new URL(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017/');
  const summary: string[] = [];
  let failed = 0;
  for (const name of services) {
    const port = PORTS[name] ?? 4199;
    mongo.pathname = `/lianxin_fuzz_${name}`;
    const log = join(outDir, `${name}.service.log`);
    const child = spawn(process.execPath, ['--import', 'tsx', `services/${name}/src/main.ts`], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        MONGO_URL: mongo.toString(),
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
        KAFKA_TOPIC_PREFIX: 'fuzz.',
        // The limit is for people; the fuzzer would otherwise see mostly 429s.
        RATE_LIMIT_MAX: '0',
        JWT_PUBLIC_KEY_FILE: keys.publicKeyPath,
        // The console's: it mints the service tokens of its gateway.
        JWT_PRIVATE_KEY_FILE: keys.privateKeyPath,
        CHECK_IN_SECRET: process.env['CHECK_IN_SECRET'] ?? randomBytes(32).toString('hex'),
        // The notifier's: it sends whatever the fuzzer makes it send to the dev stack's MailDev.
        SMTP_URL: process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025',
        UNSUBSCRIBE_SECRET: randomBytes(32).toString('hex'),
        LOAD_DEMO: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: string[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
    try {
      await waitReady(port, child);
      const reportDir = join(outDir, name);
      const run = spawnSync(
        tool,
        [
          'run',
          `http://127.0.0.1:${port}/docs/json`,
          '-H',
          `Authorization: Bearer ${token}`,
          '--checks',
          'not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance',
          '--max-examples',
          process.env['FUZZ_MAX_EXAMPLES'] ?? '30',
          // One worker: with two, schemathesis 4.32 / hypothesis 6.170 on CPython 3.11 fail with
          // "AST constructor recursion depth mismatch" (a thread-unsafe ast.parse in hypothesis).
          '--workers',
          process.env['FUZZ_WORKERS'] ?? '1',
          '--seed',
          process.env['FUZZ_SEED'] ?? '1',
          '--report',
          'junit,ndjson',
          '--report-dir',
          reportDir,
        ],
        // In .lianxin/fuzz: schemathesis keeps its cache (.schemathesis/) in its working folder.
        { cwd: outDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const output = `${run.stdout}${run.stderr}`;
      await writeFile(join(outDir, `${name}.txt`), output);
      const cases = /Test cases:\s*\n\s*(.+)/.exec(output)?.[1] ?? 'no summary';
      summary.push(
        `${name}: ${run.status === 0 ? 'ok' : 'FAILED'} — ${cases} (${join(outDir, `${name}.txt`)})`,
      );
      if (run.status !== 0) failed += 1;
    } catch (error) {
      summary.push(`${name}: could not run — ${String(error)} (log: ${log})`);
      failed += 1;
    } finally {
      // A child that already exited (it failed to start) emits no 'exit' again.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await writeFile(log, chunks.join(''));
    }
  }
  console.log(summary.join('\n'));
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
