// Search timing at 10,000 bulletins on the database under test, with and without the bigram keys (ADR 015).
import { connectDb } from '@lianxin/platform/db';
import { testEnv } from '@lianxin/testing';
import { afterAll, bench, describe } from 'vitest';
import { createModels } from '../shared/models.ts';
import { BulletinRepository } from './bulletin.repository.ts';
import { approveBulletin, newBulletin, submitBulletin } from './bulletin.rules.ts';
import type { BulletinContent } from './bulletin.ts';

const N = Number(process.env.SEARCH_BENCH_DOCS ?? 10_000);
const env = testEnv(import.meta.url);
// Long timeouts: a scan of 10,000 documents on SQLite takes seconds.
const conn = await connectDb({ url: env.dbUrl, poolSize: 20, timeoutMs: 60_000 });
const models = createModels(conn);
await models.bulletins.init();
const withKeys = new BulletinRepository(models.bulletins);
const scanOnly = new BulletinRepository(models.bulletins, () => undefined, { bigramKeys: false });

// Deterministic text from the vocabulary of real bulletins; 1 in 100 is about a retired teacher.
const PHRASES =
  '受害人 接到陌生电话 自称民警 涉嫌洗钱 要求转账 安全账户 刷单返利 兼职 高额回报 投资理财群 虚假平台 无法提现 冒充客服 快递丢失 理赔 征信修复 网络贷款 解冻费 游戏账号 低价出售 婚恋交友 领导 熟人 借钱 大学生 外卖骑手 银行柜员 及时劝阻 报警 反诈中心 香河县 损失 万元 切勿 陌生链接 屏幕共享 验证码 下载APP 保证金'.split(
    ' ',
  );
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = () => PHRASES[Math.floor(rnd() * PHRASES.length)] ?? '';
const sentence = (n: number) => `${Array.from({ length: n }, pick).join('')}。`;
const TYPES = [
  'task_rebate',
  'fake_investment',
  'fake_loan',
  'impersonate_authority',
  'online_romance',
] as const;

function content(i: number): BulletinContent {
  return {
    title: `${i % 100 === 0 ? '退休教师' : ''}${sentence(3)}`.slice(0, 100),
    fraudType: TYPES[i % TYPES.length] ?? 'other',
    summary: sentence(10),
    body: Array.from({ length: 6 }, () => sentence(12)).join('\n\n'),
    caseDate: `2025-0${1 + (i % 9)}-1${i % 10}`,
    region: '香河县',
    lossFen: i * 100,
    victimProfile: { ageBand: null, occupation: null },
    modusOperandi: null,
    warningSigns: ['陌生来电'],
    advice: ['拨打96110'],
    audiences: i % 2 === 0 ? ['elderly'] : ['students'],
    tags: [],
  };
}

if ((await models.bulletins.estimatedDocumentCount()) < N) {
  const t0 = performance.now();
  const author = { id: 'bench-author', role: 'officer' as const };
  const reviewer = { id: 'bench-reviewer', role: 'reviewer' as const };
  for (let from = 0; from < N; from += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, N - from) }, (_, k) => {
        const now = new Date(Date.UTC(2025, 0, 1) + (from + k) * 60_000).toISOString();
        const draft = newBulletin(withKeys.newId(), content(from + k), author, now);
        const published = approveBulletin(submitBulletin(draft, author, now), reviewer, now);
        return withKeys.insert(published);
      }),
    );
  }
  console.log(
    `seeded ${N} published bulletins in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

const opts = { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 };
const run =
  (repo: BulletinRepository, filter: Parameters<BulletinRepository['search']>[1]) => async () => {
    await repo.search('reader', filter, 1, 20);
  };

describe(`reader search at ${N} bulletins`, () => {
  bench('q=退休教师 (1 in 100) — bigram keys', run(withKeys, { q: '退休教师' }), opts);
  bench('q=退休教师 (1 in 100) — substring scan', run(scanOnly, { q: '退休教师' }), opts);
  bench('q=安全账户 (common) — bigram keys', run(withKeys, { q: '安全账户' }), opts);
  bench('q=安全账户 (common) — substring scan', run(scanOnly, { q: '安全账户' }), opts);
  bench('fraudType=fake_loan, no text', run(withKeys, { fraudType: 'fake_loan' }), opts);
});
