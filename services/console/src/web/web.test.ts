// The web app as the console serves it: pre-compressed assets, compressed HTML and JSON, each only when the browser asks.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serviceHarness, testAuth } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { consoleService } from '../service.ts';
import { Browser, seedStaff, uniqueEmail } from '../test-support/browser.ts';

// A stand-in build: an index page and one asset with its .br and .gz, as vite.config.ts writes them.
const dist = await mkdtemp(join(tmpdir(), 'lianxin-web-test-'));
await mkdir(join(dist, 'assets'));
const index = `<!doctype html><html lang="zh-CN"><head><title>连心</title></head><body>${'<div id="root"></div>'.repeat(100)}</body></html>`;
const script = `console.log(${JSON.stringify('反诈'.repeat(2000))});`;
// Marked apart from a runtime compression of the same bytes: the server must send this file as it is.
const prebuiltBr = brotliCompressSync(Buffer.from(`${script}//br`));
await writeFile(join(dist, 'index.html'), index);
await writeFile(join(dist, 'assets', 'app-1a2b3c.js'), script);
await writeFile(join(dist, 'assets', 'app-1a2b3c.js.br'), prebuiltBr);
await writeFile(join(dist, 'assets', 'app-1a2b3c.js.gz'), gzipSync(`${script}//gz`));

const auth = await testAuth();
const h = await serviceHarness(import.meta.url, consoleService, {
  env: { JWT_PRIVATE_KEY: auth.privateKey, WEB_DIST: dist },
  components: false,
});

const get = (url: string, encoding?: string) =>
  h.app.inject({
    method: 'GET',
    url,
    headers: encoding === undefined ? {} : { 'accept-encoding': encoding },
  });

describe('serving the web app compressed', () => {
  it('when a browser accepts brotli or gzip, then an asset comes as its pre-built .br or .gz file, cached for a year', async () => {
    const br = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(`${script}//br`);
    const gz = await get('/assets/app-1a2b3c.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(`${script}//gz`);
  });

  it('when a browser accepts no encoding, then the asset and the page come as they are', async () => {
    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const page = await get('/schedule');
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body).toBe(index);
  });

  it('when a page or the console’s JSON is asked with gzip, then it is gzipped and decodes to the same bytes', async () => {
    const page = await get('/banks/123', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.rawPayload).toString()).toBe(index);
    // The console's own JSON: the account list of a coordinator, over the threshold with a few accounts.
    const coordinator = await seedStaff(h.deps, 'coordinator');
    const browser = new Browser(h.app);
    expect((await browser.login(coordinator.email)).statusCode).toBe(200);
    for (let i = 0; i < 8; i += 1) {
      const created = await browser.request('POST', '/accounts', {
        role: 'officer',
        name: `民警${i}`,
        email: uniqueEmail('officer'),
      });
      expect(created.statusCode).toBe(201);
    }
    const gz = await browser.request('GET', '/accounts', undefined, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await browser.request('GET', '/accounts');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(gz.rawPayload.length).toBeLessThan(plain.body.length / 2);
  });
});
