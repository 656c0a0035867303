// What the console's use cases need: its repositories, settings, the gateway's token signer and a clock.
import { FailureLimiter } from '@lianxin/platform/http';
import type { ServiceContext } from '@lianxin/platform/service';
import type { Logger } from 'pino';
import { AccountRepository } from '../accounts/account.repository.ts';
import { SessionRepository } from '../auth/session.repository.ts';
import type { ConsoleConfig } from '../config.ts';
import { serviceTokenSigner, type ServiceTokenSigner } from '../gateway/mint-service-token.ts';
import type { Models } from './models.ts';

export interface Settings {
  publicUrl: string;
  /** The session cookie is Secure when the console is reached over https. */
  secureCookie: boolean;
  sessionTtlHours: number;
  activationTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** Gateway upstreams by the `<service>` of `/api/<service>/…`. */
  upstreams: Readonly<Record<string, string>>;
  webDist: string;
}

export interface Deps {
  accounts: AccountRepository;
  sessions: SessionRepository;
  tokens: ServiceTokenSigner;
  settings: Settings;
  log: Logger;
  now: () => Date;
  /** Wrong check-in codes per client address on the public feedback route (ADR 035). */
  publicFeedbackGuard: FailureLimiter;
}

export function settingsOf(config: ConsoleConfig): Settings {
  return {
    publicUrl: config.PUBLIC_URL,
    secureCookie: config.PUBLIC_URL.startsWith('https:'),
    sessionTtlHours: config.SESSION_TTL_HOURS,
    activationTtlHours: config.ACTIVATION_TTL_HOURS,
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
    upstreams: {
      banks: config.BANKS_URL,
      outreach: config.OUTREACH_URL,
      content: config.CONTENT_URL,
      notifier: config.NOTIFIER_URL,
      insights: config.INSIGHTS_URL,
    },
    webDist: config.WEB_DIST,
  };
}

export async function createDeps(ctx: ServiceContext<ConsoleConfig, Models>): Promise<Deps> {
  return {
    accounts: new AccountRepository(ctx.models, ctx.wake),
    sessions: new SessionRepository(ctx.models),
    tokens: await serviceTokenSigner(ctx.config),
    settings: settingsOf(ctx.config),
    log: ctx.log,
    now: ctx.now,
    publicFeedbackGuard: new FailureLimiter({
      maxFailures: ctx.config.PUBLIC_FEEDBACK_MAX_FAILURES_PER_IP,
      windowMs: ctx.config.PUBLIC_FEEDBACK_WINDOW_MS,
      now: () => ctx.now().getTime(),
    }),
  };
}
