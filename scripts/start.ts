// `pnpm start`: brings the whole system up locally and says what runs where.
import { consoleReporter, up } from '@lianxin/infra';

const t0 = Date.now();
const { endpoints } = await up(consoleReporter);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
const inbox = endpoints.mailApiUrl.replace(/\/api$/, '');

console.log(`
连心 Lianxin — local system up in ${secs} s

  Kafka      ${endpoints.kafkaBrokers}
  Database   ${endpoints.mongoUrl}   (FerretDB on SQLite; MongoDB protocol)
  SMTP       ${endpoints.smtpUrl}
  Mail inbox ${inbox}   (every email the system sends lands here)

Services (banks, outreach, content, notifier) join this list as they are built.
Logs: pnpm infra logs [-f]   Status: pnpm infra status   Stop: pnpm infra down
`);
