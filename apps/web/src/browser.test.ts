// The site in a real browser: Debian's Chromium, headless, driven by playwright-core, against the
// local server. Screenshots land in test-artifacts/ for people to look at.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: ReturnType<typeof startServer>;
let origin = '';
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  mkdirSync(artifacts, { recursive: true });
  server = startServer(0, { siteUrl: 'http://localhost' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
  await page.goto(`${origin}${path}`);
  return page;
}

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

describe('in Chromium', () => {
  it('goes home → protocol → code → comparison by following links', async () => {
    const page = await open('/en/');
    await page.getByRole('link', { name: 'SMTP status codes' }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/en/smtp/`);
    await page.locator('a[href="/en/smtp/550/"]').first().click();
    await expect.poll(() => page.url()).toBe(`${origin}/en/smtp/550/`);
    expect(await page.locator('h1').textContent()).toBe('SMTP 550 Mailbox unavailable');
    await page.locator('a[href="/en/smtp/450-vs-550/"]').first().click();
    await expect.poll(() => page.url()).toBe(`${origin}/en/smtp/450-vs-550/`);
    expect(await page.locator('h1').textContent()).toBe('SMTP 450 Mailbox unavailable (temporary) vs 550 Mailbox unavailable');
    await page.close();
  });

  it('keeps the page when the language changes', async () => {
    const page = await open('/en/smtp/235-vs-554/');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/vi/smtp/235-vs-554/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toBe('SMTP 235 Xác thực thành công so với 554 Giao dịch thất bại');
    await page.close();
  });

  it('finds 554 by number, and a Vietnamese word typed without its accents', async () => {
    const page = await open('/en/');
    await page.fill('#q', '554');
    await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toBe('554 SMTP · Transaction failed');

    const vi = await open('/vi/');
    await vi.fill('#q', 'khac phuc');
    await expect.poll(() => vi.locator('#search-results [role=option]').count()).toBeGreaterThan(0);
    await vi.fill('#q', 'xac thuc');
    await expect.poll(() => vi.locator('#search-results [role=option]').allTextContents()).toContain('235 SMTP · Xác thực thành công');
    await vi.fill('#q', 'hộp thư đầy');
    await expect.poll(() => vi.locator('#search-results [role=option] .badge').allTextContents()).toContain('X.2.2');
    await page.close();
    await vi.close();
  });

  it('is a combobox: the list opens over the page, arrows move, Enter opens, Escape closes', async () => {
    const page = await open('/en/smtp/');
    const header = async () => (await page.locator('header.site').boundingBox())!.height;
    const before = await header();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Shift+Tab');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'q' && guard++ < 40) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('relay access denied');
    await expect.poll(() => page.locator('#q').getAttribute('aria-expanded')).toBe('true');
    const options = page.locator('#search-results [role=option]');
    expect(await options.count()).toBeGreaterThan(2);
    expect(await header()).toBe(before);
    const top3 = (await page.locator('#search-results [role=option] .badge').allTextContents()).slice(0, 3);
    await page.screenshot({ path: `${artifacts}search-combobox-1280.png` });
    expect(top3).toEqual(expect.arrayContaining(['554', 'X.7.1']));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = options.nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#q').getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#search-results [aria-selected=true]')!).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowUp');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.locator('#q').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = await options.nth(1).getAttribute('data-href');
    expect(target).toMatch(/^\/en\/smtp\/[^/]+\/$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${origin}${target}`);
    await page.close();
  });

  it('says when nothing matches, points to the explain box, and offers a pasted reply to it first', async () => {
    const page = await open('/en/');
    await page.fill('#q', 'zzqxw');
    await expect.poll(() => page.locator('.search-status').textContent()).toContain('No code matches “zzqxw”.');
    expect(await page.locator('.search-status a').getAttribute('href')).toBe('/en/explain/#text=zzqxw');
    expect(await page.locator('#search-results [role=option]').count()).toBe(0);

    const reply = 'said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown';
    await page.fill('#q', reply);
    await expect.poll(() => page.locator('#search-results [role=option]').first().getAttribute('class')).toBe('explain');
    await page.press('#q', 'Enter');
    await expect.poll(() => page.url()).toBe(`${origin}/en/explain/#text=${encodeURIComponent(reply)}`);
    await expect.poll(() => page.locator('#explain-results h3').first().textContent()).toContain('550 5.1.1');
    expect(await page.locator('.explain-form textarea').inputValue()).toBe(reply);
    await page.close();
  });

  it('sends a search without JavaScript to the protocol index', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/vi/smtp/554/`);
    await page.fill('#q', 'relay');
    await page.press('#q', 'Enter');
    await expect.poll(() => page.url()).toBe(`${origin}/vi/smtp/?q=relay`);
    expect(await page.locator('h1').textContent()).toBe('Mã trạng thái SMTP');
    await context.close();
  });

  it('explains a pasted multi-line Gmail reply in the page, with no network request', async () => {
    const page = await open('/en/explain/');
    // Using the box fetches the page's words once; from then on nothing goes out.
    await page.waitForLoadState('networkidle');
    const words = page.waitForResponse((response) => response.url().endsWith('/en/explain-texts.json'));
    await page.locator('#explain-text').focus();
    expect((await words).status()).toBe(200);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const gmail = [
      '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires',
      '550-5.7.26 all senders to authenticate with either SPF or DKIM.',
      '550-5.7.26',
      '550-5.7.26  Authentication results:',
      '550-5.7.26  DKIM = did not pass',
      '550-5.7.26  SPF [example.com] with ip: [203.0.113.9] = did not pass',
      '550-5.7.26',
      '550 5.7.26 For more information, go to https://support.google.com/mail/answer/81126 - gsmtp',
    ].join('\n');
    await page.locator('#explain-text').fill(gmail);
    await page.getByRole('button', { name: 'Explain' }).click();
    const result = page.locator('#explain-results article.reply');
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('h3').first().textContent()).toBe('What the server said: 550 5.7.26');
    expect(await result.locator('dd[data-field="reason"]').textContent()).toMatch(/^authfailure: /);
    expect(await result.locator('dd[data-field="outcome"]').textContent()).toMatch(/^permanent failure/);
    expect(await result.locator('.provider h4').textContent()).toMatch(/^Recognized reply: Gmail and Google Workspace, /);
    expect(await result.locator('a[href="/en/smtp/X.7.26/"]').count()).toBe(1);
    expect(requests).toEqual([]);

    // The same box is on the home page, in the page's language.
    const vi = await open('/vi/');
    await vi.waitForLoadState('networkidle');
    await vi.locator('#explain-text').fill('452 4.2.2 The email account that you tried to reach is over quota.');
    await vi.getByRole('button', { name: 'Giải thích' }).click();
    await expect.poll(() => vi.locator('#explain-results dd[data-field="reason"]').textContent()).toMatch(/^mailboxfull: hộp thư của người nhận đã đầy/);
    await vi.close();
    await page.close();
  });

  it('draws the session diagram with the phases of each code highlighted', async () => {
    const page = await open('/vi/smtp/235-vs-554/');
    const svg = page.locator('svg.session');
    expect(await svg.isVisible()).toBe(true);
    expect((await svg.boundingBox())!.height).toBeGreaterThan(200);
    expect(await svg.locator('rect[data-phase].hit-ab').count()).toBe(1);
    expect(await svg.locator('rect[data-phase].hit-b').count()).toBe(7);
    expect(await svg.locator('rect.swatch').count()).toBe(3);
    const colours = await svg.locator('rect').evaluateAll((rects) => [...new Set(rects.map((r) => getComputedStyle(r).fill))]);
    expect(colours.length).toBeGreaterThanOrEqual(3);
    expect(await svg.locator('title').textContent()).toContain('235 / 554');
    await page.close();
  });

  it('shows HTTP and FTP pages with their own pictures: the request path and the two connections', async () => {
    const http = await open('/en/http/301-vs-308/');
    expect(await http.locator('h1').first().textContent()).toContain('HTTP 301');
    const path = http.locator('svg.fact[data-fact="generatedBy"]');
    expect(await path.isVisible()).toBe(true);
    expect(await path.locator('rect[data-value]').count()).toBe(5);
    expect(await path.locator('rect[data-value="origin"].hit-ab').count()).toBe(1);
    expect(await http.locator('svg.session:not(.fact)').count()).toBe(0);
    await http.screenshot({ path: `${artifacts}http-301-vs-308.png`, fullPage: true });
    await http.close();

    const ftp = await open('/vi/ftp/425-vs-550/');
    const connections = ftp.locator('svg.fact[data-fact="channel"]');
    expect(await connections.isVisible()).toBe(true);
    expect(await connections.locator('rect[data-value="data"].hit-a').count()).toBe(1);
    expect(await connections.locator('rect[data-value="control"].hit-b').count()).toBe(1);
    expect(await connections.locator('title').textContent()).toContain('425 / 550');
    expect(await ftp.locator('svg.session:not(.fact)').isVisible()).toBe(true);
    await ftp.screenshot({ path: `${artifacts}ftp-425-vs-550.png`, fullPage: true });
    await ftp.close();

    const smtp = await open('/en/smtp/554/');
    expect(await smtp.locator('svg.fact').count()).toBe(0);
    await smtp.close();
  });

  it('opens a code page with its fact card, and links related codes and RFC sections', async () => {
    const page = await open('/en/smtp/554/');
    const card = page.locator('.fact-card');
    expect(await card.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Class', 'Retry']));
    const cardTop = (await card.boundingBox())!.y;
    expect(cardTop).toBeLessThan((await page.locator('section.description').boundingBox())!.y);
    expect(cardTop).toBeLessThan(900);
    expect(await page.locator('.references a').first().getAttribute('href')).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#section-[\d.]+)?$/);
    const related = page.locator('section.related a').first();
    const href = await related.getAttribute('href');
    expect(href).toMatch(/^\/en\/smtp\/\d{3}\/$/);
    await related.click();
    await expect.poll(() => page.url()).toBe(`${origin}${href}`);
    const http = await open('/en/http/502/');
    expect(await http.locator('.fact-card dt').allTextContents()).toEqual(expect.arrayContaining(['Usually generated by']));
    await page.screenshot({ path: `${artifacts}fact-card-1280.png` });
    await page.close();
    await http.close();
  });

  it('shows /docs in the site\'s style, with no horizontal scrolling at 390 px', async () => {
    const page = await open('/docs', 390);
    expect(await page.locator('header a', { hasText: 'Back to the site' }).getAttribute('href')).toBe('/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('code', { hasText: 'POST /v1/explain' }).count()).toBe(1);
    await page.screenshot({ path: `${artifacts}docs-390.png`, fullPage: true });
    await page.close();
  });

  it('answers a wrong address in the language of its URL, with search and suggestions', async () => {
    const page = await open('/vi/smpt/5541/');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    expect(await page.locator('.did-you-mean a').first().getAttribute('href')).toBe('/vi/smtp/554/');
    await page.fill('#q', '554');
    await expect.poll(() => page.locator('#search-results [role=option]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}not-found-vi.png` });
    await page.close();
    // The page itself answers 404 on purpose, and Chromium logs that as a console error.
    const expected = problems.filter((p) => p.startsWith('/vi/smpt/5541/: console error: Failed to load resource: the server responded with a status of 404'));
    expect(expected).toHaveLength(1);
    problems.splice(problems.indexOf(expected[0]!), 1);
  });

  it('has no axe-core violations on representative pages, in light and in dark', async () => {
    const paths = ['/en/', '/vi/', '/en/smtp/', '/en/smtp/554/', '/vi/smtp/235-vs-554/', '/en/http/502/', '/en/http/301-vs-308/', '/vi/ftp/425/', '/en/smtp/X.7.1/', '/en/smtp/providers/', '/en/explain/', '/vi/smtp/999/'];
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of paths) {
        // CSP would block the injected script; axe reads the page as it is.
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
        await page.goto(`${origin}${path}`);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(' ')}`);
        });
        found.push(...violations.map((v) => `${scheme} ${path} ${v}`));
        await page.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('meets WCAG AA contrast for text, links, buttons and diagram labels, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('/en/smtp/450-vs-550/');
      await page.emulateMedia({ colorScheme });
      const ratios = await page.evaluate(() => {
        const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (value: string) => {
          const [r, g, b] = rgb(value).map((c) => {
            const v = c / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const contrast = (fg: string, bg: string) => {
          const [l1, l2] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
          return (l1! + 0.05) / (l2! + 0.05);
        };
        const page = getComputedStyle(document.documentElement).backgroundColor;
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const button = style('.search button');
        return {
          text: contrast(style('body').color, page),
          muted: contrast(style('.breadcrumbs').color, page),
          link: contrast(style('main a').color, page),
          button: contrast(button.color, button.backgroundColor),
          badgeA: contrast(style('svg .badge-a').fill, page),
          badgeB: contrast(style('svg .badge-b').fill, page),
          diagramLabel: contrast(style('svg .label').fill, style('svg rect.hit-a').fill),
        };
      });
      for (const [name, ratio] of Object.entries(ratios)) expect(ratio, `${colorScheme} ${name}`).toBeGreaterThanOrEqual(4.5);
      await page.close();
    }
  });

  it('serves one page per locale with its lang, direction and every hreflang, without sideways scrolling at 390 px', async () => {
    const locales = ['en', 'vi', 'es', 'pt-BR', 'fr', 'de', 'ja', 'zh-CN', 'ru', 'ar'];
    for (const locale of locales) {
      const path = `/${locale}/smtp/235-vs-554/`;
      const page = await open(path, 390);
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        hreflang: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.getAttribute('hreflang')).sort(),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(seen, path).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr', hreflang: [...locales, 'x-default'].sort(), overflow: 0 });
      await page.screenshot({ path: `${artifacts}compare-${locale}-390.png` });
      await page.close();
    }
  });

  it('mirrors Arabic pages: header, tables and pictures read from the right, codes and wire texts stay left to right', async () => {
    for (const width of [390, 1280]) {
      const page = await open('/ar/smtp/235-vs-554/', width);
      const seen = await page.evaluate(() => {
        const brand = document.querySelector('.brand')!.getBoundingClientRect();
        const heading = document.querySelector('th')!;
        const wire = [...document.querySelectorAll('td code')].find((c) => c.textContent!.startsWith('554 '))!;
        const svg = document.querySelector<SVGSVGElement>('svg.session')!;
        const firstStep = svg.querySelector('rect[data-phase]')!;
        const isolated = [...document.querySelectorAll('main bdi[dir=ltr]')].map((b) => b.textContent);
        return {
          brandOnTheRight: brand.left > window.innerWidth / 2,
          headingAlign: getComputedStyle(heading).textAlign,
          wireDirection: getComputedStyle(wire).direction,
          svgDirection: svg.getAttribute('direction'),
          stepOnTheRight: Number(firstStep.getAttribute('x')) + Number(firstStep.getAttribute('width')) / 2 > svg.viewBox.baseVal.width / 2,
          someIsolated: isolated.length > 0,
        };
      });
      expect(seen).toEqual({ brandOnTheRight: true, headingAlign: 'start', wireDirection: 'ltr', svgDirection: 'rtl', stepOnTheRight: true, someIsolated: true });
      await page.screenshot({ path: `${artifacts}compare-ar-mirrored-${width}.png`, fullPage: width === 1280 });
      await page.close();
    }
  });

  it('looks right on a phone and on a desktop (screenshots in test-artifacts/)', async () => {
    for (const [path, name] of [
      ['/vi/smtp/235-vs-554/', 'compare-vi'],
      ['/en/smtp/554/', 'code-en'],
      ['/en/', 'home-en'],
    ] as const) {
      for (const width of [390, 1280]) {
        const page = await open(path, width);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${artifacts}${name}-${width}.png`, fullPage: width === 390 ? false : true });
        expect(existsSync(`${artifacts}${name}-${width}.png`)).toBe(true);
        await page.close();
      }
    }
  });
});
