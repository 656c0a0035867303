// `pnpm infra up [service…] | down [service…] | status | logs [service] [-f] | reset | env` — the local stack without Docker.
import { spawn } from 'node:child_process';
import { consoleReporter } from './console.ts';
import { MissingToolError } from './provision.ts';
import { endpointsOf, loadSettings } from './settings.ts';
import {
  PortConflictError,
  SERVICES,
  down,
  servicesOf,
  logPath,
  reset,
  status,
  up,
  type ServiceName,
} from './stack.ts';

const USAGE =
  'usage: pnpm infra up [service…] | down [service…] | status | logs [service…] [-f] | reset | env\n' +
  '  services: kafka postgres ferretdb maildev; LIANXIN_DB_BACKEND=postgresql (default) | sqlite';

function isService(x: string | undefined): x is ServiceName {
  return SERVICES.some((s) => s === x);
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const settings = loadSettings();
  const named = rest.filter((a) => !a.startsWith('-'));
  if (named.some((n) => !isService(n))) {
    console.error(USAGE);
    return 2;
  }
  const chosen = named.filter(isService);
  switch (cmd) {
    case 'up': {
      const t0 = Date.now();
      const { endpoints } = await up(
        consoleReporter,
        settings,
        chosen.length > 0 ? chosen : undefined,
      );
      console.log(
        `\nLocal stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s (state: ${settings.stateDir})`,
      );
      console.log(`  KAFKA_BROKERS=${endpoints.kafkaBrokers}`);
      console.log(`  MONGO_URL=${endpoints.mongoUrl}   (FerretDB on ${settings.dbBackend})`);
      if (endpoints.postgresUrl) console.log(`  PostgreSQL: ${endpoints.postgresUrl}`);
      console.log(`  SMTP_URL=${endpoints.smtpUrl}`);
      console.log(
        `  MAIL_API_URL=${endpoints.mailApiUrl}   (inbox: ${endpoints.mailApiUrl.replace(/\/api$/, '')})`,
      );
      return 0;
    }
    case 'down':
      await down(consoleReporter, settings, chosen.length > 0 ? chosen : undefined);
      return 0;
    case 'status': {
      const rows = await status(settings);
      for (const r of rows) {
        const pid = r.pid === undefined ? '' : `pid ${r.pid}`;
        console.log(`${r.name.padEnd(9)} ${r.state.padEnd(14)} ${pid.padEnd(11)} ${r.detail}`);
      }
      return rows.every((r) => r.state === 'running') ? 0 : 3;
    }
    case 'logs': {
      const follow = rest.includes('-f') || rest.includes('--follow');
      const which = chosen.length > 0 ? chosen : servicesOf(settings);
      const files = which.map((n) => logPath(n, settings));
      const tail = spawn('tail', [follow ? '-F' : '-n', ...(follow ? [] : ['60']), ...files], {
        stdio: 'inherit',
      });
      return new Promise((r) => {
        tail.on('close', (code) => {
          r(code ?? 0);
        });
      });
    }
    case 'reset':
      await reset(consoleReporter, settings);
      return 0;
    case 'env': {
      const e = endpointsOf(settings);
      console.log(
        `KAFKA_BROKERS=${e.kafkaBrokers}\nMONGO_URL=${e.mongoUrl}\nSMTP_URL=${e.smtpUrl}\nMAIL_API_URL=${e.mailApiUrl}` +
          (e.postgresUrl ? `\nPOSTGRES_URL=${e.postgresUrl}` : ''),
      );
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof MissingToolError || err instanceof PortConflictError) {
      console.error(`✗ ${err.message}`);
    } else {
      console.error('✗', err instanceof Error ? err.message : err);
    }
    process.exit(1);
  },
);
