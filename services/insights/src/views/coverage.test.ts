// The fixed scenario through the real broker: exact figures in every view, gaps with suggestions, role rules, exports, rebuild.
import { Audience, FraudType } from '@lianxin/contracts';
import { serviceHarness } from '@lianxin/testing';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildFacts } from '../facts/rebuild-facts.ts';
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
} from '../test-support/scenario.ts';

const h = await serviceHarness(import.meta.url, insightsService);
h.deps.now = () => SCENARIO_NOW;
const scenario = buildScenario();
const { ids } = scenario;
const q = `?period=${PERIOD}`;

const get = async (url: string) => {
  const res = await h.as('coordinator')('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ rows: unknown }>().rows;
};

/** Every view of the scenario's period, as the API answers it. */
const allViews = async () => ({
  banks: await get(`/coverage/banks${q}`),
  audiences: await get(`/coverage/audiences${q}`),
  monthly: await get(`/coverage/monthly${q}`),
  feedback: await get(`/coverage/feedback${q}`),
  followUps: await get(`/coverage/follow-ups${q}`),
  gaps: await get(`/gaps${q}&days=100`),
});

beforeAll(async () => {
  await publish(h.env.kafkaBrokers, h.topic, scenario.events);
  const lag = await eventually(h.deps.lag, (l) => l.total === 0);
  expect(lag.total).toBe(0);
}, 120_000);

describe('coverage views of a fixed scenario', () => {
  it('when the scenario is consumed, then each bank shows its forums, people and last forum, and the never-reached bank shows none', async () => {
    expect(await get(`/coverage/banks${q}`)).toEqual(expectedBanks(ids));
  });

  it('when the scenario is consumed, then every audience × fraud-type cell has its sessions, people and bulletins', async () => {
    const expected = Audience.options.flatMap((audience) =>
      FraudType.options.map(
        (fraudType) =>
          NON_ZERO_CELLS.find((c) => c.audience === audience && c.fraudType === fraudType) ?? {
            audience,
            fraudType,
            sessions: 0,
            people: 0,
            bulletins: 0,
          },
      ),
    );
    expect(await get(`/coverage/audiences${q}`)).toEqual(expected);
  });

  it('when the scenario is consumed, then 场次 and 人次 are counted per month, kind and unit, without the cancelled session', async () => {
    expect(await get(`/coverage/monthly${q}`)).toEqual(MONTHLY);
  });

  it('when the scenario is consumed, then feedback colours are counted per officer and per format', async () => {
    expect(await get(`/coverage/feedback${q}`)).toEqual(FEEDBACK);
  });

  it('when the scenario is consumed, then opinions and red-feedback follow-ups are counted by status and age, with the overdue', async () => {
    expect(await get(`/coverage/follow-ups${q}`)).toEqual(FOLLOW_UPS);
  });

  it('when gaps are asked for, then the never-reached bank and each empty cell come with a suggested session and its materials', async () => {
    const gaps = (await get(`/gaps${q}&days=100`)) as {
      days: number;
      banks: { bankId: string; suggestion: unknown }[];
      cells: {
        audience: string;
        fraudType: string;
        suggestion: { materials: { bulletinId: string }[] };
      }[];
    };
    expect(gaps.days).toBe(100);
    expect(gaps.banks).toEqual([
      {
        bankId: ids.C,
        code: 'T-C03',
        shortName: '香河农商行',
        lastForumAt: null,
        daysSince: null,
        suggestion: {
          kind: 'bank_forum',
          format: 'open_forum',
          audiences: ['bank_staff'],
          // The bank-staff topics with no session in the period, in catalogue order.
          fraudTopics: ['task_rebate', 'fake_loan', 'fake_customer_service'],
          materials: [],
        },
      },
    ]);
    // 8 audiences × 10 campaign types, less the 5 cells the period touched.
    expect(gaps.cells).toHaveLength(75);
    const romance = gaps.cells.find(
      (c) => c.audience === 'general_public' && c.fraudType === 'online_romance',
    );
    expect(romance?.suggestion).toEqual({
      kind: 'community',
      format: 'talk',
      audiences: ['general_public'],
      fraudTopics: ['online_romance'],
      materials: [
        {
          bulletinId: ids.BL3,
          title: '网络婚恋交友诈骗案',
          fraudType: 'online_romance',
          audiences: ['general_public'],
          publishedAt: '2026-06-01T00:00:00.000Z',
        },
      ],
    });
    // A retracted bulletin is no material.
    const rebate = gaps.cells.find(
      (c) => c.audience === 'elderly' && c.fraudType === 'task_rebate',
    );
    expect(rebate?.suggestion.materials).toEqual([]);
    expect(
      gaps.cells.some((c) => c.audience === 'bank_staff' && c.fraudType === 'fake_investment'),
    ).toBe(false);
    // With the default 90 days, the banks last reached 97 days ago are gaps too.
    const byDefault = (await get(`/gaps${q}`)) as { banks: { bankId: string }[] };
    expect(byDefault.banks.map((b) => b.bankId)).toEqual([ids.A, ids.B, ids.C]);
  });

  it('when /readyz is read, then its details show the facts consumer caught up', async () => {
    const res = await h.as(null)('GET', '/readyz');
    expect(
      res.json<{ details: { consumerLag: { total: number } } }>().details.consumerLag.total,
    ).toBe(0);
  });
});

describe('who sees what', () => {
  it("when a liaison reads coverage, then they see only their own bank; another bank's is a 404 and the centre-wide views are 403", async () => {
    const liaison = h.as({ liaison: ids.A });
    const mine = await liaison('GET', `/coverage/banks${q}`);
    expect(mine.json<{ rows: { bankId: string }[] }>().rows.map((r) => r.bankId)).toEqual([ids.A]);
    expect((await liaison('GET', `/coverage/banks/${ids.A}${q}`)).statusCode).toBe(200);
    expect((await liaison('GET', `/coverage/banks/${ids.B}${q}`)).statusCode).toBe(404);
    expect((await liaison('GET', `/coverage/audiences${q}`)).statusCode).toBe(403);
    expect((await liaison('GET', `/gaps${q}`)).statusCode).toBe(403);
    expect((await liaison('GET', `/exports/audiences${q}`)).statusCode).toBe(403);
  });

  it('when the period names no period, then the answer is a 400 naming the field and the forms it takes', async () => {
    const res = await h.as('coordinator')('GET', '/coverage/banks?period=2026-Q5');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('period');
    expect(res.body).toContain('YYYY-Qn');
  });
});

describe('exports', () => {
  it('when the bank view is exported as XLSX, then a reader library opens it with the Chinese headers and the expected rows', async () => {
    const res = await h.as('coordinator')('GET', `/exports/banks${q}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
    const sheet = book.getWorksheet('银行覆盖');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      [
        '银行代码',
        '银行简称',
        '合作状态',
        '受邀场次',
        '参加场次',
        '报名人数',
        '签到人数',
        '最近参加日期',
        '距今天数',
      ],
      ['T-A01', '工行香河', '合作中', 1, 1, 2, 2, '2026-07-10', 97],
      ['T-B02', '农行香河', '合作中', 1, 1, 1, 1, '2026-07-10', 97],
      ['T-C03', '香河农商行', '合作中', 1, 0, 0, 0, '', ''],
      ['T-D04', '邮储香河', '已暂停', 0, 0, 0, 0, '', ''],
    ]);
  });

  it('when a view is exported as CSV, then it is UTF-8 with a BOM and Chinese headers, and a liaison gets only their bank', async () => {
    const res = await h.as({ liaison: ids.B })('GET', `/exports/banks${q}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.rawPayload.toString('utf8').slice(1).split('\r\n')).toEqual([
      '银行代码,银行简称,合作状态,受邀场次,参加场次,报名人数,签到人数,最近参加日期,距今天数',
      'T-B02,农行香河,合作中,1,1,1,1,2026-07-10,97',
      '',
    ]);
  });
});

describe('rebuild', () => {
  it('when the facts are dropped and every topic replayed with a fresh group, then every view equals the live one', async () => {
    const live = canonical(await allViews());
    const liveFacts = canonical(await h.deps.facts.all());
    await rebuildFacts({
      kafka: h.ctx.kafka,
      conn: h.db,
      topics: h.deps.consumer.topics,
      baseGroup: h.deps.consumer.groupId,
      facts: h.deps.facts,
      log: h.ctx.log,
    });
    expect(canonical(await h.deps.facts.all())).toBe(liveFacts);
    expect(canonical(await allViews())).toBe(live);
  }, 120_000);
});

/** JSON with keys sorted at every level: "byte for byte after sorting". */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(value));
}
