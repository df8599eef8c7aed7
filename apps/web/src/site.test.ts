// The page functions and the static build, without a browser.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getCode } from '@protocodes/core';
import { availableLocales } from '@protocodes/texts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import type { SiteConfig } from './config.js';
import { allRoutes, isNotablePair, pageRoutes, pathOf, prerenderedRoutes, routeOf, type Route } from './routes.js';
import { startServer } from './server.js';
import { fileOf, renderPath, renderRoute } from './site.js';

const config: SiteConfig = { siteUrl: 'https://protocodes.test' };
const routes = [...allRoutes()];
const rendered = new Map(routes.map((route) => [pathOf(route), { route, response: renderRoute(route, config, true) }]));
const pages = routes.filter((r): r is Route & { locale: string } => ['home', 'protocol', 'code', 'compare'].includes(r.kind));
// Checks of the layout run on the prerendered pages: the other pairs share their layout, and
// their texts are checked pair by pair in @protocodes/texts (all-pairs-*.test.ts).
const prerenderedPaths = new Set([...prerenderedRoutes()].map(pathOf));
const layoutPages = pages.filter((r) => prerenderedPaths.has(pathOf(r)));
const DOUBLED_WORD = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu;

/** The words a reader sees: tags, scripts and styles removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|title)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ¦ ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('routes', () => {
  it('covers every locale × (home, 3 protocols, 184 codes, 6,184 pairs and their reverse redirects), plus the shared files', () => {
    const pairCount = 703 + 3828 + 1653;
    expect(pages).toHaveLength(availableLocales.length * (1 + 3 + 38 + 88 + 58 + pairCount));
    expect(routes.filter((r) => r.kind === 'compare-reverse')).toHaveLength(availableLocales.length * pairCount);
    expect(new Set(routes.map(pathOf)).size).toBe(routes.length);
  });

  it('has a page for every enhanced code, for related pairs of them, and for every provider rule', () => {
    const enhanced = renderPath('/en/smtp/X.7.26/', config);
    expect(enhanced.status).toBe(200);
    expect(enhanced.body).toContain('<h1>SMTP X.7.26 Multiple authentication checks failed</h1>');
    expect(enhanced.body).toMatch(/<dt>5\.7\.26<\/dt><dd>/);
    expect(renderPath('/vi/smtp/X.1.1/', config).body).toContain('Địa chỉ hộp thư người nhận không hợp lệ');
    expect(renderPath('/en/smtp/X.9.1/', config).status).toBe(404);
    const pairs = [...pageRoutes('en')].filter((r) => r.kind === 'enhanced-compare');
    expect(pairs.length).toBeGreaterThan(40);
    const pair = renderRoute(pairs[0]!, config);
    expect(pair.body).toContain('Key difference');
    const providers = renderPath('/en/smtp/providers/', config);
    expect(providers.body).toContain('<h2>Gmail and Google Workspace</h2>');
    const rules = [...pageRoutes('en')].filter((r) => r.kind === 'provider-rule');
    expect(rules.length).toBeGreaterThanOrEqual(60);
    const rule = renderRoute(rules[0]!, config);
    expect(rule.status).toBe(200);
    expect(rule.body).toMatch(/<dt>Reason<\/dt><dd>[a-z]+: /);
    const explain = renderPath('/en/explain/', config);
    expect(explain.body).toContain('<textarea id="explain-text"');
    expect(explain.body).toContain('<script type="module" src="/assets/explain.js"></script>');
    expect(renderPath('/vi/', config).body).toContain('Giải thích một phản hồi');
    const words = JSON.parse(renderPath('/vi/explain-texts.json', config).body);
    expect(words.messages['reason.mailboxfull']).toBe('hộp thư của người nhận đã đầy');
    expect(Object.keys(words.enhanced)).toHaveLength(81);
    expect(words.providers['gmail-unauthenticated'].provider).toBe('Gmail and Google Workspace');
  });

  it('opens the home page with the explain box and a card per protocol, SMTP first, and stays small', () => {
    const home = renderPath('/vi/', config).body;
    expect(home.indexOf('id="explain-text"')).toBeLessThan(home.indexOf('class="protocol-cards"'));
    const cards = [...home.matchAll(/<li class="protocol-card"><h3><a href="\/vi\/([a-z]+)\/">/g)].map((m) => m[1]);
    expect(cards).toEqual(['smtp', 'http', 'ftp']);
    expect(home).toContain('Giao thức truyền thư đơn giản · <span class="count">38 mã</span>');
    expect(Buffer.byteLength(home)).toBeLessThan(15_000);
  });

  it('renders every route, and every HTML page has lang, dir, a title and a description', () => {
    for (const [path, { route, response }] of rendered) {
      expect(response.status, path).toBe(route.kind === 'not-found' || route.kind === 'localized-not-found' ? 404 : 200);
      expect(response.body.length, path).toBeGreaterThan(0);
      // Scripts are code, the explainer's words name the reason "undefined" on purpose, and the
      // registry itself says "Other undefined Status".
      if (!path.endsWith('.js') && !path.endsWith('/explain-texts.json')) expect(response.body, path).not.toMatch(/(?<![Oo]ther |or )undefined|\[object |NaN/);
      if (response.contentType.startsWith('text/html') && route.kind !== 'compare-reverse') {
        expect(response.body, path).toMatch(/^<!doctype html>\n<html lang="[a-z-]+"( dir="(ltr|rtl)")?>/i);
        expect(response.body, path).toMatch(/<title>[^<]+<\/title>/);
      }
    }
    for (const route of pages) {
      const html = rendered.get(pathOf(route))!.response.body;
      expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${route.locale}" dir="${route.locale === 'ar' ? 'rtl' : 'ltr'}">`));
      expect(html).toMatch(/<meta name="description" content="[^"]{12,}">/);
      expect(html).toContain(`<link rel="canonical" href="https://protocodes.test${pathOf(route)}">`);
      expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
    }
  });

  it('keeps pairs in canonical order and redirects the reverse', () => {
    expect(routeOf('/vi/smtp/235-vs-554/')).toEqual({ kind: 'compare', locale: 'vi', protocol: 'smtp', a: 235, b: 554 });
    expect(routeOf('/vi/smtp/554-vs-235/')).toEqual({ kind: 'compare-reverse', locale: 'vi', protocol: 'smtp', a: 235, b: 554 });
    expect(routeOf('/vi/smtp/554-vs-554/')).toBeUndefined();
    const served = renderPath('/vi/smtp/554-vs-235/', config);
    expect([served.status, served.location]).toEqual([301, '/vi/smtp/235-vs-554/']);
    const file = rendered.get('/vi/smtp/554-vs-235/')!.response.body;
    expect(file).toContain('<meta http-equiv="refresh" content="0; url=/vi/smtp/235-vs-554/">');
    expect(file).toContain('<link rel="canonical" href="https://protocodes.test/vi/smtp/235-vs-554/">');
  });

  it('gives every prerendered page a complete, reciprocal set of hreflang alternates', () => {
    const alternatesOf = (html: string) =>
      Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]));
    for (const route of layoutPages) {
      const own = `https://protocodes.test${pathOf(route)}`;
      const alternates = alternatesOf(rendered.get(pathOf(route))!.response.body);
      expect(Object.keys(alternates).sort(), own).toEqual([...availableLocales, 'x-default'].sort());
      expect(alternates[route.locale]).toBe(own);
      for (const locale of availableLocales) {
        const other = rendered.get(alternates[locale]!.replace('https://protocodes.test', ''))!;
        expect(alternatesOf(other.response.body)[route.locale], `${alternates[locale]} points back`).toBe(own);
      }
    }
  });

  it('lists every page exactly once in the sitemaps, and links the sitemaps from the index and robots.txt', () => {
    const index = rendered.get('/sitemap.xml')!.response.body;
    const listed = availableLocales.flatMap((locale) => {
      expect(index).toContain(`<loc>https://protocodes.test/sitemaps/${locale}.xml</loc>`);
      return [...rendered.get(`/sitemaps/${locale}.xml`)!.response.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    });
    expect(listed).toHaveLength(new Set(listed).size);
    expect(listed.sort()).toEqual(availableLocales.flatMap((l) => [...pageRoutes(l)].map((r) => `https://protocodes.test${pathOf(r)}`)).sort());
    expect(rendered.get('/robots.txt')!.response.body).toContain('Sitemap: https://protocodes.test/sitemap.xml');
  });

  it('has no doubled word on any prerendered page', () => {
    const flaws: string[] = [];
    for (const route of layoutPages) {
      for (const m of visibleText(rendered.get(pathOf(route))!.response.body).matchAll(DOUBLED_WORD)) flaws.push(`${pathOf(route)}: ${m[0]}`);
    }
    expect(flaws).toEqual([]);
  });

  it('gives codes a DefinedTerm and comparisons a FAQPage in JSON-LD', () => {
    const ld = (path: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(rendered.get(path)!.response.body)![1]!);
    expect(ld('/vi/smtp/554/')).toMatchObject({ '@type': 'DefinedTerm', termCode: '554', name: 'SMTP 554 Giao dịch thất bại', inLanguage: 'vi' });
    const faq = ld('/en/smtp/450-vs-550/');
    expect(faq['@type']).toBe('FAQPage');
    expect(faq.mainEntity).toHaveLength(4);
    expect(faq.mainEntity[0].name).toBe('What is the difference between SMTP 450 and 550?');
    expect(faq.mainEntity[0].acceptedAnswer.text).toMatch(/^450 “Mailbox unavailable \(temporary\)” is a temporary refusal/);
  });

  // Counted in characters, which is what the layout controls: Cyrillic and Arabic take two bytes
  // a character in UTF-8, and the same page would be a third larger in bytes. What travels is
  // compressed, and that has its own budget.
  it('keeps every comparison page, in every locale, under 30,000 characters and 10 kB gzipped of HTML and CSS', () => {
    const css = String(rendered.get('/assets/site.css')!.response.body);
    const compare = pages.filter((r) => r.kind === 'compare').map((r) => ({ path: pathOf(r), html: String(rendered.get(pathOf(r))!.response.body) }));
    expect(new Set(compare.map((p) => p.path.split('/')[1])).size).toBe(availableLocales.length);
    const longest = compare.reduce((a, b) => (b.html.length > a.html.length ? b : a));
    expect(longest.html.length + css.length, longest.path).toBeLessThan(30_000);
    const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
    const heaviest = compare.reduce((a, b) => (Buffer.byteLength(b.html) > Buffer.byteLength(a.html) ? b : a));
    expect(gzipped(heaviest.html) + gzipped(css), heaviest.path).toBeLessThan(10_000);
  });

  it('draws the session with the phases of each code highlighted, labelled in the page language', () => {
    const html = rendered.get('/vi/smtp/235-vs-554/')!.response.body;
    const svg = /<svg class="session"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).toMatch(/<title id="[^"]+">[^<]*235 \/ 554[^<]*<\/title><desc id="[^"]+">235 có thể xuất hiện ở: AUTH\. 554 có thể xuất hiện ở: lời chào khi kết nối/);
    expect(svg).toContain('class="step hit-ab" data-phase="auth"');
    expect(svg).toContain('class="step hit-b" data-phase="greeting"');
    expect(svg).toContain('>lời chào khi kết nối</text>');
    expect(svg).toMatch(/class="step" data-phase="quit"/);
  });

  it('answers a wrong path under a language in that language, with what it may have meant', () => {
    const typo = renderPath('/vi/smpt/5541/', config);
    expect(typo.status).toBe(404);
    expect(typo.body).toContain('<html lang="vi"');
    expect(typo.body).toContain('<form class="search"');
    expect(typo.body).toMatch(/<h2>Có phải bạn muốn tìm<\/h2><ul class="links"><li><a href="\/vi\/smtp\/554\/">SMTP 554 /);
    expect(renderPath('/en/htpp/', config).body).toContain('<a href="/en/http/">HTTP status codes</a>');
    const words = renderPath('/en/smtp/relay-access-denied/', config).body;
    expect(words).toContain('<a href="/en/smtp/554/">');
    expect(words).toContain('<a href="/en/smtp/X.7.1/">');
    expect(renderPath('/en/%E0%A4%A/', config).status).toBe(404);
    const manifest = JSON.parse(renderPath('/manifest.webmanifest', config).body);
    expect(manifest.icons[0].src).toBe('/assets/favicon.svg');
    expect(renderPath('/assets/favicon.svg', config).body).toMatch(/^<svg /);
  });

  it('refuses paths outside the site instead of reading files', () => {
    for (const path of ['/../package.json', '/vi/../../etc/passwd', '/assets/../src/site.ts', '/%2e%2e/%2e%2e/etc/passwd', '/vi/smtp/554/../../../../x', '/assets/site.css/..']) {
      expect(renderPath(path, config).status, path).toBe(404);
    }
  });
});

describe('the seed page, /vi/smtp/235-vs-554/, has none of its six defects', () => {
  const vi = visibleText(rendered.get('/vi/smtp/235-vs-554/')!.response.body);
  const en = visibleText(rendered.get('/en/smtp/235-vs-554/')!.response.body);
  const main = (text: string) => text.slice(text.indexOf('SMTP 235'));

  it('1. is Vietnamese all the way down', () => {
    const englishSentences = main(en)
      .split(/[.!?¦\n]/)
      .map((s) => s.trim())
      .filter((s) => s.split(/\s+/).filter((w) => /^[a-z]{3,}$/.test(w)).length >= 3);
    expect(englishSentences.length).toBeGreaterThan(20);
    // Wire texts are never translated: they are what servers send.
    const wire = ([235, 554] as const).flatMap((code) => {
      const entry = getCode('smtp', code);
      return [entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)].map((text) => `${code} ${text}`);
    });
    expect(englishSentences.filter((s) => vi.includes(s) && !wire.includes(s))).toEqual([]);
  });

  it('2. cuts no sentence', () => {
    const paragraphs = [...rendered.get('/vi/smtp/235-vs-554/')!.response.body.matchAll(/<(?:p|dd)>([^<]+)<\/(?:p|dd)>/g)].map((m) => m[1]!);
    expect(paragraphs.length).toBeGreaterThan(6);
    for (const paragraph of paragraphs) expect(paragraph).toMatch(/[.!?)”]$/);
  });

  it('3. has no doubled word', () => {
    expect(vi.match(DOUBLED_WORD)).toBeNull();
  });

  it('4. compares facts, 5. answers "when to use which" per audience, 6. says each description once', () => {
    expect(vi).toContain('Sự khác biệt chính');
    expect(vi).toMatch(/là lỗi vĩnh viễn \(5xx\), gửi lại y nguyên sẽ lại thất bại/);
    expect(vi).toContain('Nếu bạn quản trị máy chủ và cần chọn mã');
    expect(vi).toContain('Nếu bạn nhận được một trong hai mã');
    const description = /<h3>Mô tả<\/h3>\n<p>(554[^<]+)<\/p>/.exec(rendered.get('/vi/smtp/235-vs-554/')!.response.body)![1]!;
    expect(vi.split(description)).toHaveLength(2);
  });
});

describe('the static build', () => {
  const out = mkdtempSync(join(tmpdir(), 'protocodes-site-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the prerendered set by default and every route with all, and rewrites no file whose bytes did not change', () => {
    const prerendered = [...prerenderedRoutes()];
    expect(prerendered.filter((r) => r.kind === 'code')).toHaveLength(availableLocales.length * (38 + 88 + 58));
    const pairs = prerendered.filter((r) => r.kind === 'compare');
    expect(pairs.length).toBeGreaterThan(availableLocales.length * 300);
    expect(pairs.every((r) => isNotablePair(r.protocol, r.a, r.b))).toBe(true);
    expect(pairs.some((r) => r.protocol === 'smtp' && r.a === 450 && r.b === 550)).toBe(true);
    expect(pairs.some((r) => r.protocol === 'smtp' && r.a === 235 && r.b === 554)).toBe(false);
    const first = buildSite({ outDir: out, config });
    expect([first.files, first.written]).toEqual([prerendered.length, prerendered.length]);
    // Every route of two locales, one of them right to left, keeps the test within CI's time.
    const some = ['vi', 'ar'];
    const inSome = (r: Route) => !('locale' in r) || some.includes(r.locale);
    const everything = buildSite({ outDir: out, config, all: true, locales: some });
    expect([everything.files, everything.written, everything.removed]).toEqual([
      routes.filter(inSome).length,
      routes.filter(inSome).length - prerendered.filter(inSome).length,
      prerendered.length - prerendered.filter(inSome).length,
    ]);
    expect(readFileSync(join(out, fileOf({ kind: 'compare', locale: 'vi', protocol: 'smtp', a: 235, b: 554 })), 'utf8')).toBe(
      rendered.get('/vi/smtp/235-vs-554/')!.response.body,
    );
    const hostHeaders = readFileSync(join(out, '_headers'), 'utf8');
    expect(hostHeaders).toContain("/*\n  x-content-type-options: nosniff\n");
    expect(hostHeaders).toContain("  content-security-policy: default-src 'self';");
    const back = buildSite({ outDir: out, config });
    expect([back.written, back.removed]).toEqual([prerendered.length - prerendered.filter(inSome).length, routes.filter(inSome).length - prerendered.filter(inSome).length]);
  });
});

describe('the local server', () => {
  let origin = '';
  let server: ReturnType<typeof startServer>;
  beforeAll(async () => {
    server = startServer(0, config);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the same bytes as the static build, with the right content types', async () => {
    for (const path of ['/vi/smtp/235-vs-554/', '/en/', '/en/smtp/', '/vi/smtp/421/', '/assets/site.css', '/assets/search.js', '/sitemap.xml', '/sitemaps/vi.xml', '/robots.txt', '/vi/search-index.json']) {
      const response = await fetch(`${origin}${path}`);
      const expected = rendered.get(path)!.response;
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(expected.contentType);
      expect(await response.text(), path).toBe(expected.body);
    }
  });

  it('redirects / by Accept-Language and a reversed pair with a 301', async () => {
    const root = await fetch(`${origin}/`, { headers: { 'accept-language': 'vi-VN,vi;q=0.9' }, redirect: 'manual' });
    expect([root.status, root.headers.get('location'), root.headers.get('vary')]).toEqual([302, '/vi/', 'Accept-Language']);
    const reverse = await fetch(`${origin}/en/smtp/554-vs-235/`, { redirect: 'manual' });
    expect([reverse.status, reverse.headers.get('location')]).toEqual([301, '/en/smtp/235-vs-554/']);
  });

  it('answers unknown and hostile paths with the 404 page, and serves the API on the same port', async () => {
    for (const path of ['/nope', '/%2e%2e/%2e%2e/etc/passwd', '/_headers']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('<h1>Page not found</h1>');
    }
    for (const path of ['/vi/smtp/999/', '/vi/..%2f..%2fpackage.json']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body).toContain('<html lang="vi"');
      expect(body).toContain('<h1>Không tìm thấy trang</h1>');
      expect(body).toContain('<meta name="robots" content="noindex">');
    }
    const api = await fetch(`${origin}/v1/smtp/codes/554?lang=vi`);
    expect((await api.json()).texts.title).toBe('Giao dịch thất bại');
    expect((await fetch(`${origin}/docs`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('keeps rendered pages: an ETag, a CDN-friendly Cache-Control, and 304 for a matching If-None-Match', async () => {
    const first = await fetch(`${origin}/vi/smtp/235-vs-554/`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=86400');
    const body = await first.text();
    const again = await fetch(`${origin}/vi/smtp/235-vs-554/`);
    expect([again.headers.get('etag'), await again.text()]).toEqual([etag, body]);
    const revalidated = await fetch(`${origin}/vi/smtp/235-vs-554/`, { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(revalidated.status).toBe(304);
    const missing = await fetch(`${origin}/vi/smtp/999/`);
    expect([missing.status, missing.headers.get('etag'), missing.headers.get('cache-control')]).toEqual([404, null, 'no-cache']);
    const docs = await fetch(`${origin}/docs/`, { redirect: 'manual' });
    expect([docs.status, docs.headers.get('location')]).toEqual([301, '/docs']);
  });

  it('redirects / for regional and script tags to the language written for them (issue #14)', async () => {
    const rootFor = async (header: string) => (await fetch(`${origin}/`, { headers: { 'accept-language': header }, redirect: 'manual' })).headers.get('location');
    const expected: [string, string][] = [
      ['pt', '/pt-BR/'], ['pt-PT', '/pt-BR/'], ['zh', '/zh-CN/'], ['zh-Hans', '/zh-CN/'], ['es-419', '/es/'], ['es-MX', '/es/'],
      ['de-AT', '/de/'], ['de-CH', '/de/'], ['ar-EG', '/ar/'], ['fr-CA', '/fr/'], ['ja-JP', '/ja/'], ['ru-RU', '/ru/'],
      ['zh-TW', '/en/'], ['zh-Hant', '/en/'], ['zh-HK', '/en/'], ['zh-TW,zh;q=0.9,en;q=0.8', '/en/'], ['zh-CN,zh;q=0.9', '/zh-CN/'],
    ];
    for (const [header, location] of expected) expect(await rootFor(header), header).toBe(location);
  });

  it('follows Accept-Language q-values for /, ignores malformed entries, and never fails on them', async () => {
    const rootFor = async (header: string) => (await fetch(`${origin}/`, { headers: { 'accept-language': header }, redirect: 'manual' })).headers.get('location');
    expect(await rootFor('en;q=0.1, vi;q=0.9')).toBe('/vi/');
    expect(await rootFor('vi;q=abc, en')).toBe('/en/');
    expect(await rootFor('vi-x-yes')).toBe('/vi/');
    expect(await rootFor(`${'zz-zzzz;q=0.5, '.repeat(900)}vi`)).toBe('/en/');
  });

  it('sends the security headers on pages, assets and redirects, and HEAD the Content-Length', async () => {
    for (const path of ['/en/', '/vi/smtp/235-vs-554/', '/nope', '/assets/site.css']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      const head = await fetch(`${origin}${path}`, { method: 'HEAD' });
      expect(head.headers.get('content-length'), path).toBe(String((await response.arrayBuffer()).byteLength));
    }
    expect((await fetch(`${origin}/en/`)).headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'/);
  });

  it('refuses a page request that carries a body', async () => {
    // fetch will not send a GET body, so the request is written by hand, as a hostile client would.
    const { connect } = await import('node:net');
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(origin).port), '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('close', () => resolve(data));
      setTimeout(() => socket.destroy(), 5000).unref();
      socket.write('GET /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc');
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('body-not-allowed');
  });
});
