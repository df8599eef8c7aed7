// The API over real HTTP: the Node entry on an ephemeral port, then the Workers bundle under
// workerd, answering the same requests with the same bodies.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, MAX_EXPLAIN_BODY } from './app.js';
import { startApiServer } from './node.js';
import { openApiDocument } from './openapi.js';

let base = '';
let server: ReturnType<typeof startApiServer>;

beforeAll(async () => {
  server = startApiServer(0);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const problem = async (response: Response) => {
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  const body = await response.json();
  expect(Object.keys(body)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
  expect(body.status).toBe(response.status);
  expect(body.type).toMatch(/^\/docs#problem-[a-z-]+$/);
  return body;
};

describe('endpoints', () => {
  it('GET /v1/protocols lists protocols with code counts and locales', async () => {
    const response = await get('/v1/protocols');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.protocols).toEqual([
      expect.objectContaining({ id: 'ftp', name: 'FTP', codeCount: 58 }),
      expect.objectContaining({ id: 'http', name: 'HTTP', codeCount: 88 }),
      expect.objectContaining({ id: 'smtp', name: 'SMTP', codeCount: 38 }),
    ]);
    expect(body.locales).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'pt-BR', 'ru', 'vi', 'zh-CN']);
  });

  it('GET /v1/{protocol}/codes lists and filters', async () => {
    const all = await (await get('/v1/smtp/codes')).json();
    expect(all.codes).toHaveLength(38);
    const filtered = await (await get('/v1/smtp/codes?class=4&phase=rcpt&lang=vi')).json();
    expect(filtered.locale).toBe('vi');
    expect(filtered.codes.every((c: { code: number }) => c.code >= 400 && c.code < 500)).toBe(true);
    expect(filtered.codes.map((c: { code: number }) => c.code)).toContain(450);
  });

  it('GET /v1/{protocol}/codes/{code} in every format, with matching content types', async () => {
    const json = await get('/v1/smtp/codes/554?lang=vi');
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-language')).toBe('vi');
    const body = await json.json();
    expect(body.code).toBe(554);
    expect(body.texts.title).toBe('Giao dịch thất bại');
    expect(body.replyText).toBe('Transaction failed');
    for (const [format, type, start] of [
      ['text', 'text/plain; charset=utf-8', 'SMTP 554 Transaction failed\n'],
      ['markdown', 'text/markdown; charset=utf-8', '# SMTP 554 Transaction failed\n'],
      ['html', 'text/html; charset=utf-8', '<article class="explanation" lang="en" dir="ltr">'],
    ] as const) {
      const response = await get(`/v1/smtp/codes/554?format=${format}`);
      expect(response.headers.get('content-type')).toBe(type);
      expect((await response.text()).startsWith(start)).toBe(true);
    }
  });

  it('GET /v1/{protocol}/compare/{a}/{b} answers the reverse order with the same body and a canonical link', async () => {
    const forward = await get('/v1/smtp/compare/235/554?lang=vi&format=text');
    const backward = await get('/v1/smtp/compare/554/235?lang=vi&format=text');
    expect(forward.status).toBe(200);
    expect(backward.status).toBe(200);
    expect(forward.headers.get('link')).toBeNull();
    expect(backward.headers.get('link')).toBe('</v1/smtp/compare/235/554?lang=vi&format=text>; rel="canonical"');
    const text = await forward.text();
    expect(await backward.text()).toBe(text);
    expect(text.split('\n')[0]).toBe('SMTP 235 Xác thực thành công so với 554 Giao dịch thất bại');
    const json = await (await get('/v1/smtp/compare/550/450')).json();
    expect(json.codes).toEqual([450, 550]);
    expect(json.note.text.length).toBeGreaterThan(100);
  });

  it('GET /v1/explain finds the remote reply in a line, with spans, and an empty list when there is none', async () => {
    const text = 'host mx.example.net[203.0.113.5] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)';
    const response = await get(`/v1/explain?text=${encodeURIComponent(text)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.findings).toHaveLength(1);
    expect(body.findings[0]).toMatchObject({ reply: 550, enhanced: '5.1.1', command: 'RCPT TO', remoteHost: 'mx.example.net', reason: 'userunknown', verdict: { outcome: 'permanent' } });
    const enhanced = body.findings[0].spans.find((s: { part: string }) => s.part === 'enhanced');
    expect(text.slice(enhanced.start, enhanced.end)).toBe('5.1.1');
    const nested = await (await get(`/v1/explain?text=${encodeURIComponent('554 4.4.7 Message expired <421 4.4.2 Connection timed out>')}`)).json();
    expect(nested.findings[0]).toMatchObject({ reply: 421, enhanced: '4.4.2' });
    expect((await (await get('/v1/explain?text=hello%201.2.3.4%3A25')).json()).findings).toEqual([]);
    const missing = await get('/v1/explain');
    expect(missing.status).toBe(400);
    expect((await problem(missing)).detail).toContain('text is required');
    expect((await get(`/v1/explain?text=${'5'.repeat(3000)}`)).status).toBe(414);
  });

  it('serves enhanced status codes as codes of SMTP, in the registry or not, and compares two', async () => {
    const json = await (await get('/v1/smtp/codes/5.7.26?lang=vi')).json();
    expect(json).toMatchObject({ code: '5.7.26', id: 'X.7.26', class: 5, registered: true, basicCodes: [550], locale: 'vi', fallbacks: [] });
    expect(json.classMeaning.length).toBeGreaterThan(20);
    const vendor = await get('/v1/smtp/codes/5.7.606?format=text');
    expect(vendor.status).toBe(200);
    expect(await vendor.text()).toContain('5.7.606 is not in the IANA registry');
    const pair = await get('/v1/smtp/compare/5.7.1/5.1.1?format=markdown');
    expect(pair.status).toBe(200);
    expect((await pair.text()).startsWith('# SMTP 5.1.1 Bad destination mailbox address vs 5.7.1 ')).toBe(true);
    const mixed = await get('/v1/smtp/compare/550/5.7.1?format=text');
    expect(mixed.status).toBe(400);
    expect((await problem(mixed)).detail).toContain('compare two reply codes');
    expect((await get('/v1/smtp/codes/5.x.1')).status).toBe(400);
    expect((await get('/v1/http/codes/5.7.1')).status).toBe(400);
  });

  it('POST /v1/explain reads text/plain log lines, a message/rfc822 bounce and JSON', async () => {
    const post = (body: BodyInit, type: string) => fetch(`${base}/v1/explain`, { method: 'POST', headers: { 'content-type': type }, body });
    const gmail = '550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient\'s email address for typos or\n550 5.1.1 unnecessary spaces. For more information, go to support. - gsmtp';
    const plain = await post(gmail, 'text/plain; charset=utf-8');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-store');
    expect((await plain.json()).findings).toEqual([expect.objectContaining({ reply: 550, enhanced: '5.1.1', reason: 'userunknown' })]);

    const bounce = readFileSync(fileURLToPath(new URL('../../../packages/core/test/replies/bounces/postfix-dsn.eml', import.meta.url)));
    const message = await (await post(bounce, 'message/rfc822')).json();
    expect(message.findings[0]).toMatchObject({ reply: 550, enhanced: '5.1.1', command: 'RCPT TO', remoteHost: 'mx.receiver.example', recipient: 'bob@receiver.example', action: 'failed', reason: 'userunknown' });

    const json = await (await post(JSON.stringify({ text: '452 4.2.2 mailbox full' }), 'application/json')).json();
    expect(json.findings[0]).toMatchObject({ reply: 452, enhanced: '4.2.2', reason: 'mailboxfull', verdict: { outcome: 'temporary' } });
  });

  it('POST /v1/explain refuses a body over 256 kB with 413, and wrong types and shapes with 415 and 400', async () => {
    const big = 'x'.repeat(MAX_EXPLAIN_BODY + 1);
    const declared = await fetch(`${base}/v1/explain`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: big });
    expect(declared.status).toBe(413);
    expect((await problem(declared)).detail).toContain('256 kB');
    // Chunked, with no Content-Length to refuse up front: the server stops reading at the cap.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/v1/explain`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    await problem(chunked);

    const xml = await fetch(`${base}/v1/explain`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(xml.status).toBe(415);
    expect((await problem(xml)).allowed).toEqual(['text/plain', 'message/rfc822', 'application/json']);
    for (const body of ['{not json', '{"text": 5}', '[]']) {
      const bad = await fetch(`${base}/v1/explain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(bad.status).toBe(400);
      expect((await problem(bad)).type).toBe('/docs#problem-invalid-body');
    }
    const empty = await fetch(`${base}/v1/explain`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '  ' });
    expect(empty.status).toBe(400);

    const elsewhere = await fetch(`${base}/v1/smtp/codes`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(elsewhere.status).toBe(405);
    expect(elsewhere.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const options = await fetch(`${base}/v1/explain`, { method: 'OPTIONS' });
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('GET /v1/search ranks matches of any word, offers a pasted reply\'s explanation, folds accents and says when nothing matched', async () => {
    const hits = await (await get('/v1/search?q=khac%20phuc&lang=vi')).json();
    expect(hits.hits.length).toBeGreaterThan(0);
    const byNumber = await (await get('/v1/search?q=554&protocol=smtp&limit=1')).json();
    expect(byNumber.hits).toEqual([expect.objectContaining({ kind: 'code', code: '554', protocol: 'smtp', path: '/en/smtp/554/' })]);
    const words = await (await get('/v1/search?q=relay+access+denied&limit=3')).json();
    expect(words.hits.map((h: { code: string }) => h.code)).toEqual(expect.arrayContaining(['554', 'X.7.1']));
    expect(words.reply).toBeUndefined();
    const pasted = await (await get(`/v1/search?q=${encodeURIComponent('said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown')}`)).json();
    expect(pasted.reply).toMatchObject({ reply: 550, enhanced: '5.1.1', reason: 'userunknown', verdict: { outcome: 'permanent' } });
    expect(pasted.hits.slice(0, 2).map((h: { code: string }) => h.code).sort()).toEqual(['550', 'X.1.1']);
    const none = await (await get('/v1/search?q=zzyzx&lang=vi')).json();
    expect(none.hits).toEqual([]);
    expect(none.message).toBe('Không có mã nào khớp với “zzyzx”.');
  });

  it('serves /docs, /healthz and an OpenAPI 3.1 document that validates and names exactly the routes', async () => {
    const docs = await get('/docs');
    expect(docs.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const docsHtml = await docs.text();
    expect(docsHtml).toContain('<code>GET /v1/{protocol}/compare/{a}/{b}</code>');
    expect(docsHtml).toContain('<code>POST /v1/explain</code>');
    expect(docsHtml).toContain('<a href="/">Back to the site</a>');
    expect(docsHtml).not.toMatch(/`[^`<]+`/);
    expect(docsHtml).toContain('<code>json</code> (default) for data');
    for (const item of Object.values(openApiDocument.paths)) {
      for (const operation of Object.values(item as Record<string, { parameters?: { name: string; description?: string }[] }>)) {
        for (const parameter of operation.parameters ?? []) expect(parameter.description, parameter.name).toMatch(/\w{3}/);
      }
    }
    const slash = await fetch(`${base}/docs/`, { redirect: 'manual' });
    expect([slash.status, slash.headers.get('location')]).toEqual([301, '/docs']);
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok', catalogueVersion: expect.stringMatching(/^[0-9a-f]{16}$/), textsVersion: expect.stringMatching(/^[0-9a-f]{16}$/) });

    const served = await (await get('/v1/openapi.json')).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    const routes = createApi()
      .app.routes.filter((r) => r.method === 'GET' || r.method === 'POST')
      .map((r) => r.path.replace(/:(\w+)/g, '{$1}'));
    expect([...new Set(routes)].sort()).toEqual(Object.keys(openApiDocument.paths).sort());
  });
});

describe('HTTP and FTP', () => {
  it('serve codes, comparisons and lists, with the protocol in any case and vendor codes by origin', async () => {
    const code = await (await get('/v1/HTTP/codes/308?lang=vi')).json();
    expect(code.facts.redirect).toBe('permanent-keeps-method');
    expect(code.locale).toBe('vi');
    const compared = await (await get('/v1/http/compare/308/301?format=text')).text();
    expect(compared).toMatch(/308 moves the resource for good and keeps the method and body/);
    const nginx = await (await get('/v1/http/codes?origin=iana,nginx')).json();
    expect(nginx.codes.length).toBe(64 + 6);
    expect((await get('/v1/http/codes?origin=nope')).status).toBe(400);
    const ftp = await (await get('/v1/ftp/compare/425/426?lang=vi')).json();
    expect(ftp.codes).toEqual([425, 426]);
    expect(ftp.note.text.length).toBeGreaterThan(100);
  });

  it('list every protocol in the OpenAPI enum', async () => {
    const document = await (await get('/v1/openapi.json')).json();
    const parameter = document.paths['/v1/{protocol}/codes'].get.parameters.find((p: { name: string }) => p.name === 'protocol');
    expect(parameter.schema.enum).toEqual(['ftp', 'http', 'smtp']);
  });
});

describe('HTTP caching', () => {
  it('gives a strong ETag, Cache-Control and Vary, and answers If-None-Match with 304', async () => {
    const first = await get('/v1/smtp/codes/421?lang=vi');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(first.headers.get('vary')).toBe('Accept-Language');
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const again = await get('/v1/smtp/codes/421?lang=vi', { 'if-none-match': header });
      expect(again.status, header).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect((await get('/v1/smtp/codes/421?lang=vi', { 'if-none-match': '"other"' })).status).toBe(200);
    const other = await get('/v1/smtp/codes/421?lang=en');
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('is open to other origins for GET', async () => {
    expect((await get('/v1/protocols')).headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${base}/v1/protocols`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('language', () => {
  const languageOf = async (path: string, acceptLanguage?: string) => {
    const response = await get(path, acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage });
    const body = await response.json();
    return { header: response.headers.get('content-language'), locale: body.locale, fallbacks: body.fallbacks };
  };

  it('comes from ?lang, else Accept-Language by q-value, else English', async () => {
    expect((await languageOf('/v1/smtp/codes/250?lang=vi')).locale).toBe('vi');
    expect((await languageOf('/v1/smtp/codes/250', 'vi-VN,vi;q=0.9,en;q=0.8')).header).toBe('vi');
    expect((await languageOf('/v1/smtp/codes/250', 'en;q=0.4, vi;q=0.9')).locale).toBe('vi');
    expect((await languageOf('/v1/smtp/codes/250', 'ko, vi;q=0.5')).locale).toBe('vi');
    expect((await languageOf('/v1/smtp/codes/250', 'vi;q=0, en')).locale).toBe('en');
    expect((await languageOf('/v1/smtp/codes/250', ';;;, ***, x-!!')).locale).toBe('en');
    expect((await languageOf('/v1/smtp/codes/250?lang=en', 'vi')).locale).toBe('en');
  });

  // Issue #14: each regional or script tag reaches the language written for it, or English, never the wrong script.
  const NEGOTIATED: [string, string][] = [
    ['pt', 'pt-BR'], ['pt-PT', 'pt-BR'], ['zh', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['es-419', 'es'], ['es-MX', 'es'],
    ['de-AT', 'de'], ['de-CH', 'de'], ['ar-EG', 'ar'], ['fr-CA', 'fr'], ['ja-JP', 'ja'], ['ru-RU', 'ru'],
  ];

  it.each(NEGOTIATED)('serves %s in %s, by ?lang and by Accept-Language', async (tag, expected) => {
    expect(await languageOf(`/v1/smtp/codes/250?lang=${tag}`)).toMatchObject({ header: expected, locale: expected, fallbacks: [] });
    expect(await languageOf('/v1/smtp/codes/250', `${tag}, en;q=0.5`)).toMatchObject({ header: expected, locale: expected });
  });

  it.each(['zh-TW', 'zh-Hant', 'zh-HK'])('serves %s in English with a stated fallback, never in Simplified Chinese', async (tag) => {
    const byQuery = await languageOf(`/v1/smtp/codes/250?lang=${tag}`);
    expect(byQuery.locale).toBe('en');
    expect(byQuery.fallbacks).toEqual([{ part: 'locale', locale: expect.stringMatching(/^zh/) }]);
    expect((await languageOf('/v1/smtp/codes/250', tag)).locale).toBe('en');
  });

  it('falls back to English for a well-formed tag it lacks, and says which language it fell back from', async () => {
    // The language alone is kept: responses are cached by normalized request, not by every region.
    const result = await languageOf('/v1/smtp/codes/250?lang=ko-KR');
    expect(result).toEqual({ header: 'en', locale: 'en', fallbacks: [{ part: 'locale', locale: 'ko' }] });
    // A header that names no available language is ignored, as if there were none.
    expect((await languageOf('/v1/smtp/codes/250', 'ko-KR')).fallbacks).toEqual([]);
  });
});

describe('errors', () => {
  it('404 for an unknown protocol or code, with suggestions', async () => {
    const protocol = await get('/v1/smpt/codes/554');
    expect(protocol.status).toBe(404);
    expect(await problem(protocol)).toMatchObject({ type: '/docs#problem-unknown-protocol', suggestions: ['ftp', 'http', 'smtp'] });
    const code = await get('/v1/smtp/codes/557');
    expect(code.status).toBe(404);
    expect(await problem(code)).toMatchObject({ detail: 'smtp has no code 557', suggestions: [556, 555, 554] });
    expect((await get('/v1/smtp/compare/235/559')).status).toBe(404);
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('400 for malformed codes and queries, naming what is allowed', async () => {
    const cases: [string, string][] = [
      ['/v1/smtp/codes/abc', 'invalid-code'],
      ['/v1/smtp/codes/5540', 'invalid-code'],
      ['/v1/smtp/compare/250/250', 'same-code'],
      ['/v1/smtp/codes/554?format=pdf', 'invalid-query'],
      ['/v1/smtp/codes?class=9', 'invalid-query'],
      ['/v1/smtp/codes?phase=rcpt-to', 'invalid-query'],
      ['/v1/search', 'invalid-query'],
      ['/v1/search?q=x&limit=0', 'invalid-query'],
      [`/v1/search?q=${'a'.repeat(300)}`, 'invalid-query'],
      ['/v1/smtp/codes/554?lang=xx-!!', 'invalid-language'],
    ];
    for (const [path, type] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect((await problem(response)).type, path).toBe(`/docs#problem-${type}`);
    }
    expect(await problem(await get('/v1/smtp/codes/554?format=pdf'))).toMatchObject({ allowed: ['json', 'text', 'markdown', 'html'] });
  });

  it('405 with Allow for a method other than GET, HEAD or OPTIONS', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${base}/v1/smtp/codes/554`, { method, body: method === 'DELETE' ? null : 'x'.repeat(100_000) });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      await problem(response);
    }
    const head = await fetch(`${base}/v1/smtp/codes/554`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('414 for a URL over 2 kB', async () => {
    const response = await get(`/v1/smtp/codes/554?pad=${'x'.repeat(2100)}`);
    expect(response.status).toBe(414);
    await problem(response);
  });
});

/** A deterministic pseudo-random generator, so a failing fuzz case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

/** Sends raw bytes as an HTTP/1.1 request and returns the status code the server answered. */
function rawRequest(port: number, head: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.end(head);
  });
}

describe('fuzzing', () => {
  it('answers thousands of random requests with 2xx, 3xx or 4xx, and keeps serving', async () => {
    const { next, pick } = random(20261129);
    const segments = ['v1', 'smtp', 'http', 'codes', 'compare', 'search', '554', '235', '999', 'abc', '%FF', '%C3%28', '%E2%82', '..', '%2e%2e', '%00', '', 'docs', 'healthz', 'openapi.json', 'x'.repeat(3000), '😀', '%F0%9F%98'];
    const queries = ['lang=vi', 'lang=xx-!!', 'lang=%FF', 'format=html', 'format=%00', 'class=4', 'class=-1', 'phase=rcpt', 'q=%E2%82', 'q=relay', 'limit=5', 'limit=1e9', '=&&=', 'lang', 'q=' + 'y'.repeat(500)];
    const languages = ['vi', 'fr;q=abc', '*', ',,,', 'vi-VN;q=0.9, en;q=0.8', '\u00ff\u00fe', 'x'.repeat(2000)];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    for (let i = 0; i < 2000; i++) {
      const depth = 1 + Math.floor(next() * 5);
      const path = `/${Array.from({ length: depth }, () => pick(segments)).join('/')}`;
      const query = next() < 0.6 ? `?${Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(queries)).join('&')}` : '';
      const headers: Record<string, string> = {};
      if (next() < 0.5) headers['accept-language'] = pick(languages).replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
      if (next() < 0.2) headers['if-none-match'] = pick(['*', '"x"', 'W/"y"', ',', '"unterminated']);
      try {
        const response = await fetch(`${base}${path}${query}`, { headers, method: next() < 0.1 ? pick(['POST', 'HEAD', 'OPTIONS', 'PUT']) : 'GET' });
        await response.arrayBuffer();
        count(response.status);
      } catch (error) {
        // fetch itself refuses some header bytes; that request never reached the server.
        expect(String(error)).toMatch(/TypeError|invalid|Headers/i);
      }
    }

    const port = Number(new URL(base).port);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * 256)));
      const target = Buffer.concat([Buffer.from('/v1/smtp/codes/'), bytes.filter((b) => b > 0x20 && b !== 0x7f)]);
      const status = await rawRequest(port, Buffer.concat([Buffer.from('GET '), target, Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]));
      count(status);
    }

    const serverErrors = [...statuses].filter(([status]) => status >= 500 || status === 0);
    expect(serverErrors).toEqual([]);
    expect([...statuses.keys()].every((status) => status >= 200 && status < 500)).toBe(true);
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('the Workers entry under workerd', () => {
  const appRoot = fileURLToPath(new URL('..', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'protocodes-workerd-'));
  let workerd: ChildProcess | undefined;
  let edge = '';

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    // workerd embeds files relative to its config, so the bundle goes next to it.
    copyFileSync(join(appRoot, 'dist', 'worker.js'), join(work, 'worker.js'));
    writeFileSync(
      join(work, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "api", worker = .api) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "api") ],
);
const api :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-01-01",
);
`,
    );
    const binary = join(appRoot, 'node_modules', '.bin', 'workerd');
    workerd = spawn(binary, ['serve', join(work, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    workerd.stderr!.on('data', (chunk) => (stderr += chunk));
    edge = `http://127.0.0.1:${port}`;
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if ((await fetch(`${edge}/healthz`)).ok) return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`workerd did not start: ${stderr}`);
  });

  afterAll(() => {
    workerd?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers the same requests with the same status, headers and bodies as Node', async () => {
    const paths = [
      '/v1/protocols',
      '/v1/smtp/codes?class=5&lang=vi',
      '/v1/smtp/codes/554',
      '/v1/smtp/codes/554?format=html&lang=vi',
      '/v1/smtp/compare/554/235?lang=vi&format=text',
      '/v1/smtp/compare/450/550?format=markdown',
      '/v1/search?q=khac+phuc&lang=vi',
      '/v1/openapi.json',
      '/docs',
      '/v1/smtp/codes/557',
      '/v1/smtp/codes/abc',
      '/v1/smtp/codes/554?lang=xx-!!',
    ];
    for (const path of paths) {
      const [fromNode, fromEdge] = await Promise.all([get(path, { 'accept-language': 'vi' }), fetch(`${edge}${path}`, { headers: { 'accept-language': 'vi' } })]);
      expect(fromEdge.status, path).toBe(fromNode.status);
      for (const header of ['content-type', 'content-language', 'etag', 'link', 'vary', 'cache-control']) {
        expect(fromEdge.headers.get(header), `${path} ${header}`).toBe(fromNode.headers.get(header));
      }
      expect(await fromEdge.text(), path).toBe(await fromNode.text());
    }
    expect((await fetch(`${edge}/v1/smtp/codes/554`, { method: 'POST' })).status).toBe(405);
  });
});
