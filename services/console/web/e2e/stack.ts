// The real system a browser test drives: the web app's production build, the console and the services it proxies to.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { banksService } from '@lianxin/banks/src/service.ts';
import { contentService } from '@lianxin/content/src/service.ts';
import { insightsService } from '@lianxin/insights/src/service.ts';
import { outreachService } from '@lianxin/outreach/src/service.ts';
import { findRepoRoot } from '@lianxin/platform/auth';
import { serviceHarness, testAuth } from '@lianxin/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, expect } from 'vitest';
import { consoleService } from '../../src/service.ts';
import { PASSWORD } from '../../src/test-support/browser.ts';

export { activationTokenFor, PASSWORD, seedStaff } from '../../src/test-support/browser.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the main pages, kept by CI as artifacts (and some shown in the README). */
export const ARTIFACTS = join(
  findRepoRoot(import.meta.dirname),
  '.lianxin',
  'artifacts',
  'console',
);

export interface StackOptions {
  /** Services besides banks and the console; each on a database of its own. */
  outreach?: boolean;
  content?: boolean;
  insights?: boolean;
  /** Extra environment per service (e.g. `{ outreach: { PENDING_GRACE_MS: '0' } }`). */
  env?: Partial<
    Record<'banks' | 'outreach' | 'content' | 'insights' | 'console', Record<string, string>>
  >;
}

/**
 * `const stack = await startStack(import.meta.url, { outreach: true })`: the web app built into a
 * directory of this file's own (files build in parallel), banks and the asked-for services
 * listening on free ports, the console in front of them, and one chromium. Everything closes in
 * `afterAll`.
 */
export async function startStack(fileUrl: string, options: StackOptions = {}) {
  const webDist = await mkdtemp(join(tmpdir(), 'lianxin-web-'));
  await build({
    configFile: join(import.meta.dirname, '..', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webDist, emptyOutDir: true },
  });
  const auth = await testAuth();
  const listen = async (h: {
    app: { listen: (o: { port: number; host: string }) => Promise<string> };
  }) => h.app.listen({ port: 0, host: '127.0.0.1' });
  const own = { ownDatabase: true } as const;
  const banks = await serviceHarness(fileUrl, banksService, {
    ...own,
    env: options.env?.banks ?? {},
  });
  const outreach = options.outreach
    ? await serviceHarness(fileUrl, outreachService, { ...own, env: options.env?.outreach ?? {} })
    : undefined;
  const content = options.content
    ? await serviceHarness(fileUrl, contentService, { ...own, env: options.env?.content ?? {} })
    : undefined;
  const insights = options.insights
    ? await serviceHarness(fileUrl, insightsService, { ...own, env: options.env?.insights ?? {} })
    : undefined;
  // A service not started answers nothing: the console shows it as unavailable.
  const nowhere = 'http://127.0.0.1:9';
  const consoleHarness = await serviceHarness(fileUrl, consoleService, {
    ...own,
    env: {
      JWT_PRIVATE_KEY: auth.privateKey,
      BANKS_URL: await listen(banks),
      OUTREACH_URL: outreach ? await listen(outreach) : nowhere,
      CONTENT_URL: content ? await listen(content) : nowhere,
      INSIGHTS_URL: insights ? await listen(insights) : nowhere,
      WEB_DIST: webDist,
      ...options.env?.console,
    },
  });
  const url = await listen(consoleHarness);
  await mkdir(ARTIFACTS, { recursive: true });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox'],
  });
  afterAll(async () => {
    await browser.close();
  });
  return { url, browser, banks, outreach, content, insights, console: consoleHarness };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** A fresh browser context: Chinese, Asia/Shanghai, a desktop or (`phone`) a 375-px screen. */
export function newContext(stack: Stack, phone = false): Promise<BrowserContext> {
  return stack.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 900 },
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
}

/** Signs in through the login page as a person does. */
export async function signIn(page: Page, stack: Stack, email: string, password = PASSWORD) {
  await page.goto(stack.url);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('account-menu').waitFor();
}

/** In the page (this file has no DOM types): the running finite animations' end, or 3 s. */
const SETTLE_ANIMATIONS = `Promise.race([
  Promise.allSettled(
    document
      .getAnimations()
      .filter((a) => a.effect === null || a.effect.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished),
  ),
  new Promise((resolve) => setTimeout(resolve, 3000)),
])`;

/**
 * axe-core over the page once it is still: no serious or critical violation (the bar).
 * It first waits (≤ 3 s) for running finite animations to end — a toast fading in, a dropdown
 * closing, a button fading from disabled — which axe would otherwise judge mid-way (a
 * half-transparent text fails contrast; a closing listbox is still in the tree). Endless ones
 * (spinners) are not waited for.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(SETTLE_ANIMATIONS);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad, `accessibility of ${name}`).toEqual([]);
}

/** A full-page screenshot into the artifacts folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
