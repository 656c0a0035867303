// `pnpm bench:idle [--seconds 60] [--settle 20]`: the CPU a running `pnpm start` stack uses while nobody uses it, per part.
//
// Issue 10 asks that the idle stack stay under 5 % of one core. This finds each part by the
// port it listens on (the services on 4100–4105, Kafka, the database with its PostgreSQL
// backends, MailDev), waits `--settle` seconds for start-up work to end, then reads their CPU
// time from /proc over `--seconds`. Run it with nothing else on the machine.
import { parseArgs } from 'node:util';
import { endpointsOf, loadSettings } from '@lianxin/infra';
import { cpuSeconds, databaseProcesses, listenerOf, withDescendants } from './lib/proc.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    settle: { type: 'string', default: '20' },
  },
});
const seconds = Number(values.seconds);
const settle = Number(values.settle);
if (!(seconds > 0) || !(settle >= 0)) throw new Error('--seconds and --settle take a number');

const settings = loadSettings();
const endpoints = endpointsOf(settings);
const portOf = (url: string, fallback: number): number => {
  const port = Number(new URL(url.includes('://') ? url : `tcp://${url}`).port);
  return Number.isInteger(port) && port > 0 ? port : fallback;
};
/** A service's port, moved as `pnpm start` moves it (`LIANXIN_<NAME>_PORT`, beside a private stack). */
const servicePort = (name: string, fallback: number): number => {
  const raw = process.env[`LIANXIN_${name.toUpperCase()}_PORT`];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`LIANXIN_${name.toUpperCase()}_PORT must be a TCP port`);
  return n;
};
const SERVICE_PORTS: Record<string, number> = Object.fromEntries(
  Object.entries({
    console: 4100,
    banks: 4101,
    outreach: 4102,
    content: 4103,
    notifier: 4104,
    insights: 4105,
  }).map(([name, port]) => [name, servicePort(name, port)]),
);

/** Each part of the stack that is running: its name and its processes. */
function parts(): { name: string; pids: number[] }[] {
  const found: { name: string; pids: number[] }[] = [];
  for (const [name, port] of Object.entries(SERVICE_PORTS)) {
    const pid = listenerOf(port);
    if (pid !== undefined) found.push({ name, pids: withDescendants(pid) });
  }
  const kafka = listenerOf(portOf(endpoints.kafkaBrokers.split(',')[0] ?? '', 9092));
  if (kafka !== undefined) found.push({ name: 'kafka', pids: [kafka] });
  const db = databaseProcesses(portOf(endpoints.mongoUrl, 27017));
  if (db.length > 0) found.push({ name: 'database', pids: db });
  const mail = listenerOf(portOf(endpoints.smtpUrl, 1025));
  if (mail !== undefined) found.push({ name: 'maildev', pids: withDescendants(mail) });
  return found;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
process.stderr.write(`settling for ${settle} s…\n`);
await sleep(settle * 1000);
const running = parts();
if (!running.some((p) => p.name in SERVICE_PORTS)) {
  process.stderr.write(
    `no service is listening on ${Object.values(SERVICE_PORTS).join(', ')}: start the stack first (pnpm start)\n`,
  );
  process.exit(1);
}
const before = running.map((p) => cpuSeconds(p.pids));
const t0 = performance.now();
process.stderr.write(`measuring ${running.map((p) => p.name).join(', ')} for ${seconds} s…\n`);
await sleep(seconds * 1000);
const wall = (performance.now() - t0) / 1000;
const rows = running.map((p, i) => ({
  name: p.name,
  percent: ((cpuSeconds(p.pids) - (before[i] ?? 0)) / wall) * 100,
}));
const total = rows.reduce((sum, r) => sum + r.percent, 0);
const services = rows.filter((r) => r.name in SERVICE_PORTS).reduce((s, r) => s + r.percent, 0);
console.log(`idle CPU over ${wall.toFixed(0)} s, % of one core:`);
for (const r of rows) console.log(`  ${r.name.padEnd(9)} ${r.percent.toFixed(2)} %`);
console.log(`  services  ${services.toFixed(2)} %`);
console.log(`  total     ${total.toFixed(2)} %  (goal < 5 %)`);
