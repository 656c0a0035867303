// Public API of @lianxin/platform/service: declare a service once; run it (main.ts) or harness it (tests).
export { defineService, serviceEnv } from './define-service.ts';
export type {
  BackgroundTask,
  Component,
  HttpOptions,
  ServiceContext,
  ServiceDefinition,
  ServiceEnv,
} from './define-service.ts';
export { runService } from './run-service.ts';
export type { RunningService, RunServiceOptions } from './run-service.ts';
export { consumerComponent, firstPassOf, jobComponent, joinedTask } from './components.ts';
