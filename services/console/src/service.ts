// The console as the platform runs it (main.ts) and the test kit builds it: accounts, sessions, liaison consumer, gateway, web app.
import { defineService } from '@lianxin/platform/service';
import { buildApp } from './app.ts';
import { loadConsoleConfig } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { createDeps } from './shared/deps.ts';
import { consumers, relaySources, TOPICS } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

export const consoleService = defineService({
  name: 'console',
  config: loadConsoleConfig,
  models: createModels,
  topics: TOPICS,
  relaySources,
  deps: createDeps,
  buildApp,
  components: consumers,
  background: (ctx, deps) =>
    ctx.config.LOAD_DEMO ? [{ name: 'demo', run: (signal) => loadDemo(deps, signal) }] : [],
});
