// Every event of the scenario delivered twice and shuffled across (and within) aggregates: the same figures as in order.
import { Audience, FraudType } from '@lianxin/contracts';
import { serviceHarness } from '@lianxin/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { insightsService } from '../service.ts';
import {
  expectedBanks,
  FEEDBACK,
  FOLLOW_UPS,
  MONTHLY,
  NON_ZERO_CELLS,
} from '../test-support/expected.ts';
import {
  buildScenario,
  eventually,
  PERIOD,
  publish,
  SCENARIO_NOW,
  type ScenarioEvent,
} from '../test-support/scenario.ts';

const h = await serviceHarness(import.meta.url, insightsService);
h.deps.now = () => SCENARIO_NOW;
const scenario = buildScenario();
const q = `?period=${PERIOD}`;

/** A fixed-seed shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

beforeAll(async () => {
  // Each message a distinct Kafka key, so the broker spreads even one aggregate's events over
  // partitions and they arrive in any order; the event ids repeat, as a redelivery's would.
  const twice: ScenarioEvent[] = shuffled([...scenario.events, ...scenario.events], 20261201).map(
    (e, i) => ({ ...e, key: `${e.key}-${String(i)}` }),
  );
  await publish(h.env.kafkaBrokers, h.topic, twice);
  const lag = await eventually(h.deps.lag, (l) => l.total === 0);
  expect(lag.total).toBe(0);
}, 120_000);

const get = async (url: string) => {
  const res = await h.as('coordinator')('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ rows: unknown }>().rows;
};

describe('duplicates and disorder', () => {
  it('when every event arrives twice and out of order, then every view has the figures of the ordered scenario', async () => {
    expect(await get(`/coverage/banks${q}`)).toEqual(expectedBanks(scenario.ids));
    const cells = (await get(`/coverage/audiences${q}`)) as {
      sessions: number;
      people: number;
      bulletins: number;
    }[];
    expect(cells).toHaveLength(Audience.options.length * FraudType.options.length);
    expect(cells.filter((c) => c.sessions + c.people + c.bulletins > 0)).toEqual(
      // Same cells in the view's order (audience, then fraud type).
      [...NON_ZERO_CELLS].sort(
        (a, b) =>
          Audience.options.indexOf(a.audience as Audience) -
            Audience.options.indexOf(b.audience as Audience) ||
          FraudType.options.indexOf(a.fraudType as FraudType) -
            FraudType.options.indexOf(b.fraudType as FraudType),
      ),
    );
    expect(await get(`/coverage/monthly${q}`)).toEqual(MONTHLY);
    expect(await get(`/coverage/feedback${q}`)).toEqual(FEEDBACK);
    expect(await get(`/coverage/follow-ups${q}`)).toEqual(FOLLOW_UPS);
  });
});
