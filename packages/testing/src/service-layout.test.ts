// Checks every service's file tree against docs/service-layout.md: each file is one of the kinds the page names.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const servicesDir = join(import.meta.dirname, '../../../services');
const layoutDoc = join(import.meta.dirname, '../../../docs/service-layout.md');

const REQUIRED = [
  'main.ts',
  'service.ts',
  'app.ts',
  'config.ts',
  'shared/deps.ts',
  'shared/models.ts',
  'shared/messaging.ts',
];

const ROOT = /^(main|service|app|config|app\.test)\.ts$/;
const SHARED = /^shared\/(deps|models|messaging)\.ts$/;
const DEMO = /^demo\/(load-demo|demo-[a-z0-9-]+|demo\.test)\.ts$/;
// Test data and fakes beyond the kit; a service's own harness is what the kit replaces.
const SUPPORT = /^test-support\/(?!harness\.ts$)[a-z0-9-]+\.ts$/;
const NOUN = '[a-z0-9]+(?:-[a-z0-9]+)*';
const FEATURE_KIND = new RegExp(
  `^${NOUN}\\.(schemas|view|model|repository|rules|rules\\.test|events|consumer|projection|test|bench)\\.ts$`,
);
// A use case is a verb and a noun; a kind written with a hyphen (`bank-repository.ts`) is not one.
const USE_CASE = new RegExp(`^${NOUN}-${NOUN}\\.ts$`);
const KIND_WORD =
  /-(schemas|view|model|repository|rules|events|consumer|projection|dto|mapping)\.ts$/;

/**
 * Files of services not yet on the layout, named so the list can only shrink: each entry must
 * still break the layout (the test fails once it is fixed, so the entry goes). Every service is on
 * the layout now; a new deviation needs a reason written beside it.
 */
const KNOWN_DEVIATIONS: Record<string, readonly string[]> = {};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Why `file` (relative to src) breaks the layout, or undefined when it fits. */
function breach(file: string, all: ReadonlySet<string>): string | undefined {
  if (!file.includes('/')) return ROOT.test(file) ? undefined : 'not a root file kind';
  if (file.startsWith('shared/')) return SHARED.test(file) ? undefined : 'not a shared file kind';
  if (file.startsWith('demo/')) return DEMO.test(file) ? undefined : 'not a demo file kind';
  if (file.startsWith('test-support/')) {
    return SUPPORT.test(file) ? undefined : 'a harness of its own (use serviceHarness)';
  }
  const parts = file.split('/');
  if (parts.length !== 2) return 'features are one folder deep';
  const name = basename(file);
  if (name === 'routes.ts' || FEATURE_KIND.test(name)) return undefined;
  const aggregate = /^([a-z0-9-]+)\.ts$/.exec(name)?.[1];
  if (aggregate !== undefined && all.has(join(dirname(file), `${aggregate}.model.ts`))) {
    return undefined;
  }
  if (USE_CASE.test(name) && !KIND_WORD.test(name)) return undefined;
  return 'not a feature file kind (see docs/service-layout.md)';
}

function breachesOf(service: string): Map<string, string> {
  const src = join(servicesDir, service, 'src');
  const files = filesUnder(src).map((f) => relative(src, f));
  const all = new Set(files);
  const out = new Map<string, string>();
  for (const required of REQUIRED) {
    if (!all.has(required)) out.set(`missing:${required}`, 'required file');
  }
  for (const file of files) {
    const why = breach(file, all);
    if (why !== undefined) out.set(file, why);
  }
  return out;
}

const services = readdirSync(servicesDir).filter((name) =>
  existsSync(join(servicesDir, name, 'src')),
);

describe('service layout', () => {
  it('when the layout page is read, then it names every file kind the check accepts', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(layoutDoc, 'utf8');
    for (const kind of [
      'main.ts',
      'service.ts',
      'shared/deps.ts',
      '<noun>.repository.ts',
      '<verb>-<noun>.ts',
      'test-support/<name>.ts',
    ]) {
      expect(page).toContain(kind);
    }
  });

  it.each(services)('when %s is checked, then every file is a kind of the layout', (service) => {
    const known = new Set(KNOWN_DEVIATIONS[service] ?? []);
    const unexpected = [...breachesOf(service)].filter(([file]) => !known.has(file));
    expect(unexpected).toEqual([]);
  });

  it.each(services)(
    'when %s lists known deviations, then each still deviates (the list only shrinks)',
    (service) => {
      const breaches = breachesOf(service);
      const fixed = (KNOWN_DEVIATIONS[service] ?? []).filter((file) => !breaches.has(file));
      expect(fixed).toEqual([]);
    },
  );
});
