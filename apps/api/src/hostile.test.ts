// Hostile input over real HTTP (issue #10): no 5xx for any language a client sends, bounded
// caches, ETags that follow the build, no body read where none belongs, slow clients cut off,
// and the security headers on every kind of response.
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textsVersion } from '@protocodes/texts';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { codeVersionOf } from '../scripts/code-version.mjs';
import { apiCodeVersion } from './generated/code-version.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './app.js';
import { LruCache } from './cache.js';
import { startApiServer } from './node.js';

let base = '';
let port = 0;
let server: ReturnType<typeof startApiServer>;

beforeAll(async () => {
  // Short limits, so that the slow-client tests finish quickly; production uses SERVER_LIMITS.
  server = startApiServer(0, '127.0.0.1', { headersTimeout: 1_000, requestTimeout: 2_000, connectionsCheckingInterval: 100 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

/** Writes `head`, then `trickle()` every `every` ms, and resolves with what came back and how. */
function slowClient(head: string, trickle: () => string, every: number, giveUpAfter = 8_000): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const timer = setInterval(() => {
      if (!socket.destroyed) socket.write(trickle());
    }, every);
    const guard = setTimeout(() => finish(false), giveUpAfter);
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(guard);
      socket.destroy();
      resolve({ response, closed });
    };
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(head);
  });
}

describe('language tags', () => {
  it('answers vi-x-yes, en-x-true and vi-t-yes, in the query or the header, without a 5xx', async () => {
    for (const tag of ['vi-x-yes', 'en-x-true', 'vi-t-yes']) {
      const byQuery = await get(`/v1/smtp/codes/554?lang=${tag}`);
      expect(byQuery.status, tag).toBe(200);
      expect(byQuery.headers.get('content-language'), tag).toBe(tag.slice(0, 2));
      const byHeader = await get('/v1/smtp/codes/554', { 'accept-language': tag });
      expect(byHeader.status, tag).toBe(200);
    }
    expect((await get('/v1/smtp/codes/554?lang=x-foo')).status).toBe(400);
    expect((await get('/v1/smtp/codes/554', { 'accept-language': 'x-foo, vi-x' })).status).toBe(200);
  });

  it('follows q-values and ignores invalid ones', async () => {
    const locale = async (header: string) => (await get('/v1/smtp/codes/250', { 'accept-language': header })).headers.get('content-language');
    expect(await locale('en;q=0.1, vi;q=0.9')).toBe('vi');
    expect(await locale('vi;q=abc, en')).toBe('en');
    expect(await locale('vi;q=-1')).toBe('en');
    expect(await locale(`${'zz-'.repeat(4000)}zz, vi`)).toBe('en');
  });

  it(`answers 10,000 random and hostile lang and Accept-Language values without a 5xx`, async () => {
    let state = 20261201;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const subtags = ['vi', 'en', 'VN', 'x', 'u', 't', 'yes', 'true', 'ca', 'Hant', '419', 'a', '1', '-', '_', '*', '!!', 'ü', '%FF', '%00', 'q=1', 'aaaaaaaaa'];
    const tag = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(subtags)).join(pick(['-', '-', '-', '_', '']));
    const header = () =>
      Array.from({ length: 1 + Math.floor(next() * 8) }, () => `${tag()}${next() < 0.5 ? `;q=${pick(['0.5', '1', '0', 'abc', '-1', '2', '0.9999', ''])}` : ''}`).join(pick([',', ', ', ';', ',,']));
    const statuses = new Map<number, number>();
    const requests = Array.from({ length: 10_000 }, (_, i) => () => {
      const viaQuery = i % 2 === 0;
      const value = viaQuery ? tag() : header();
      const path = `/v1/smtp/codes/${pick(['554', '250', '421'])}${viaQuery ? `?lang=${encodeURIComponent(value)}` : ''}`;
      return get(path, viaQuery ? {} : { 'accept-language': value.replace(/[^\x20-\x7e]/g, '') }).then(async (response) => {
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      });
    });
    for (let i = 0; i < requests.length; i += 50) await Promise.all(requests.slice(i, i + 50).map((send) => send()));
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect([...statuses.keys()].every((status) => status === 200 || status === 400)).toBe(true);
  }, 120_000);
});

describe('the response caches', () => {
  it('are bounded in bytes, not entries', () => {
    const cache = new LruCache<string>(10_000, (value) => value.length);
    for (let i = 0; i < 1000; i++) cache.set(`key ${i}`, 'x'.repeat(500));
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.get('key 999')).toBe('x'.repeat(500));
    expect(cache.get('key 0')).toBeUndefined();
    cache.set('too big', 'x'.repeat(20_000));
    expect(cache.get('too big')).toBeUndefined();
  });

  it('key rendered responses on the normalized request only', async () => {
    const api = createApi({ cacheBytes: 4 * 1024 * 1024 });
    for (let i = 0; i < 3000; i++) {
      const request = new Request(`http://x/v1/smtp/codes/554?lang=${['en-GB', 'vi-VN', 'fr-CA', 'vi-x-yes'][i % 4]}&junk${i}=${'j'.repeat(i % 1900)}`, {
        headers: { 'accept-language': `${'de;q=0.1, '.repeat(i % 50)}vi` },
      });
      expect((await api.fetch(request)).status).toBe(200);
    }
    const stats = api.cacheStats();
    expect(stats.responses.entries).toBeLessThanOrEqual(3);
    expect(stats.requests.bytes).toBeLessThanOrEqual(stats.budget / 8);
  });
});

describe('ETags', () => {
  it('carry the texts build and the app\'s own code, so any change to either changes them', async () => {
    const response = await get('/v1/smtp/compare/235/554?format=text');
    expect(response.headers.get('etag')).toMatch(new RegExp(`^"${textsVersion}-${apiCodeVersion}-[0-9a-f]{16}"$`));
    expect(apiCodeVersion).toBe(codeVersionOf(fileURLToPath(new URL('.', import.meta.url))));
    const copy = mkdtempSync(join(tmpdir(), 'api-src-'));
    try {
      cpSync(fileURLToPath(new URL('.', import.meta.url)), copy, { recursive: true });
      const openapi = join(copy, 'openapi.ts');
      writeFileSync(openapi, readFileSync(openapi, 'utf8').replace('operationId', 'operationId '));
      expect(codeVersionOf(copy)).not.toBe(apiCodeVersion);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('bodies and slow clients', () => {
  it('refuses a GET or HEAD with a body at once and closes, instead of reading it', async () => {
    const slow = await slowClient('GET /v1/smtp/codes/554 HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n', () => 'a', 200);
    expect(slow.closed).toBe(true);
    expect(slow.response).toMatch(/^HTTP\/1\.1 400 /);
    expect(slow.response).toContain('body-not-allowed');
    const endless = await slowClient('HEAD /v1/smtp/codes/554 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', () => `400\r\n${'a'.repeat(1024)}\r\n`, 5);
    expect(endless.closed).toBe(true);
    expect(endless.response).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('cuts off a client that sends its headers too slowly', async () => {
    const slow = await slowClient('GET /v1/smtp/codes/554 HTTP/1.1\r\n', () => 'X-Slow: 1\r\n', 200);
    expect(slow.closed).toBe(true);
    expect(slow.response).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('keeps serving afterwards', async () => {
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('security headers', () => {
  const expectSecure = (response: Response, policy: RegExp) => {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toMatch(policy);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('are on JSON, text, problems, /docs, /healthz and preflights', async () => {
    expectSecure(await get('/v1/smtp/codes/554'), /^default-src 'none'/);
    expectSecure(await get('/v1/smtp/codes/554?format=html'), /^default-src 'none'/);
    expectSecure(await get('/v1/smtp/codes/999'), /^default-src 'none'/);
    expectSecure(await get('/docs'), /^default-src 'none'; style-src 'unsafe-inline'/);
    expectSecure(await get('/healthz'), /^default-src 'none'/);
    expectSecure(await fetch(`${base}/v1/protocols`, { method: 'OPTIONS' }), /^default-src 'none'/);
  });

  it('give HEAD the Content-Length of the GET', async () => {
    const full = await get('/v1/smtp/compare/235/554?lang=vi&format=text');
    const length = (await full.arrayBuffer()).byteLength;
    const head = await fetch(`${base}/v1/smtp/compare/235/554?lang=vi&format=text`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(length));
    expect(full.headers.get('content-length')).toBe(String(length));
  });
});
