// What a service declares once — models, topics, relay sources, deps, app, consumers, background work — for runService and the test harness.
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  authEnv,
  httpEnv,
  kafkaEnv,
  logEnv,
  mongoEnv,
  rateLimitEnv,
  runtimeEnv,
} from '../config/fragments.ts';
import type { App, CreateAppOptions } from '../http/create-app.ts';
import type { RelaySource } from '../messaging/relay.ts';

/** The environment every service reads; a service spreads `serviceEnv.shape` into its own schema. */
export const serviceEnv = httpEnv
  .extend(mongoEnv.shape)
  .extend(kafkaEnv.shape)
  .extend(authEnv.shape)
  .extend(logEnv.shape)
  .extend(rateLimitEnv.shape)
  .extend(runtimeEnv.shape);
export type ServiceEnv = z.output<typeof serviceEnv>;

/** What createApp takes from the platform; a service's buildApp adds its docs and routes. */
export type HttpOptions = Omit<CreateAppOptions, 'docs'>;

/** Something with a life: a consumer, a periodic job. Started in order, stopped in reverse. */
export interface Component {
  name: string;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
  /**
   * Optional: resolves once the component is doing its work (a consumer has joined its group).
   * runService does not wait for it; the test harness does, so tests start on joined consumers.
   */
  ready?(): Promise<void>;
}

/**
 * Start-up work that must not delay listening (a reconcile after a crash, the demo data). It
 * runs after the HTTP server listens; `/readyz` lists it under `pending` until it finishes and
 * answers 503 meanwhile unless `blocksReadiness` is false. On shutdown `signal` aborts and the
 * task is awaited before anything else closes.
 */
export interface BackgroundTask {
  name: string;
  run(signal: AbortSignal): Promise<unknown>;
  /** Default true. */
  blocksReadiness?: boolean;
}

/** What the platform has built by the time it asks for the service's deps. */
export interface ServiceContext<C, M> {
  name: string;
  config: C;
  log: Logger;
  db: Connection;
  kafka: Kafka;
  models: M;
  /** Call after a write that appended events (repositories do): the relay publishes now. */
  wake: () => void;
  /** Maps a catalogue topic name to the one this process uses (identity, or a test prefix). */
  topic: (name: string) => string;
  /** Maps a consumer group name likewise (tests give each file its own groups). */
  group: (name: string) => string;
  now: () => Date;
}

export interface ServiceDefinition<C extends ServiceEnv, M, D> {
  /** The service's name: logger name, envelope `source`, Kafka client id default. */
  name: string;
  /** Parses the service's config (its zod schema over `serviceEnv`) from an environment. */
  config: (env: NodeJS.ProcessEnv) => C;
  /** Creates every mongoose model of the service on the connection. */
  models: (db: Connection) => M | Promise<M>;
  /** Catalogue names of the topics the service produces or consumes (created if missing). */
  topics: readonly string[];
  /** Collections whose outboxes the relay publishes; omit for a service that produces nothing. */
  relaySources?: (topic: (name: string) => string) => RelaySource[];
  /** The Deps of the use cases (repositories, clock, log, settings). */
  deps: (ctx: ServiceContext<C, M>) => D | Promise<D>;
  /** buildApp(deps, http): registers the routes on `createApp(http)`; never listens. */
  buildApp: (deps: D, http: HttpOptions) => Promise<App>;
  /** Kafka consumers and periodic jobs, started before the server listens. */
  components?: (ctx: ServiceContext<C, M>, deps: D) => Component[];
  /** Start-up work run after listening (see BackgroundTask). */
  background?: (ctx: ServiceContext<C, M>, deps: D) => BackgroundTask[];
}

/** Identity helper that keeps the generic types of a definition inferred. */
export function defineService<C extends ServiceEnv, M, D>(
  definition: ServiceDefinition<C, M, D>,
): ServiceDefinition<C, M, D> {
  return definition;
}
