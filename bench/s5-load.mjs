const base = process.argv[2];
const qs = ['q=' + encodeURIComponent('翡翠手镯'), 'q=' + encodeURIComponent('转账'), 'q=' + encodeURIComponent('银行 转账'), 'fraudType=fake_investment'];
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };
for (const q of qs) {
  const ms = []; let total = 0, items = 0;
  for (let i = 0; i < Number(process.argv[3] ?? 100); i++) {
    const t = performance.now();
    const r = await fetch(`${base}/bulletins?${q}`, { signal: AbortSignal.timeout(5000) }).catch((e) => null);
    if (r === null) { ms.push(5000); continue; }
    const j = await r.json();
    ms.push(performance.now() - t);
    if (r.status !== 200) throw new Error(JSON.stringify(j));
    total = j.total; items = j.items.length;
  }
  console.log(decodeURIComponent(q), 'total', total, 'items', items, 'p50', pct(ms, 50).toFixed(1), 'p99', pct(ms, 99).toFixed(1), 'max', Math.max(...ms).toFixed(1));
}
