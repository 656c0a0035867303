// A tiny service for run-service.test.ts: a slow route, two close hooks, and runService on a free port.
import { createApp } from './create-app.ts';
import { runService } from './run-service.ts';
import { createLogger } from '../log/create-logger.ts';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const logger = createLogger({ level: 'silent' });
const app = await createApp({ logger });
app.addHook('onClose', () => {
  say('closed:app');
  return Promise.resolve();
});
app.get('/slow', async () => {
  say('slow:started');
  await new Promise((resolve) => setTimeout(resolve, 400));
  return { done: true };
});

const running = await runService({
  app,
  port: 0,
  host: '127.0.0.1',
  logger,
  onClose: [
    () => {
      say('closed:database');
    },
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      say('closed:consumer');
    },
  ],
});
say(`listening ${running.address}`);
