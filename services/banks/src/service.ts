// The banks service as the platform runs it (main.ts) and the test kit builds it: models, topic, outbox, deps, app, demo.
import { allBanks } from '@lianxin/platform/auth';
import { defineService } from '@lianxin/platform/service';
import { buildApp } from './app.ts';
import { loadBanksConfig } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { createDeps } from './shared/deps.ts';
import { relaySources, TOPICS } from './shared/messaging.ts';
import { createModels } from './shared/models.ts';

const demoLoader = allBanks({ sub: 'demo-loader', role: 'coordinator', name: 'demo' });

export const banksService = defineService({
  name: 'banks',
  config: loadBanksConfig,
  models: createModels,
  topics: TOPICS,
  relaySources,
  deps: createDeps,
  buildApp,
  background: (ctx, deps) =>
    ctx.config.LOAD_DEMO ? [{ name: 'demo', run: () => loadDemo(deps, demoLoader) }] : [],
});
