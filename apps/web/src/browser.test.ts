// The site in a real browser: Debian's Chromium, headless, driven by playwright-core, against the
// local server. Screenshots land in test-artifacts/ for people to look at.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

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
    await expect.poll(() => page.locator('#search-results a').first().textContent()).toBe('554 Transaction failed');

    const vi = await open('/vi/');
    await vi.fill('#q', 'khac phuc');
    await expect.poll(() => vi.locator('#search-results a').count()).toBeGreaterThan(0);
    const first = await vi.locator('#search-results a').first().textContent();
    expect(first).toMatch(/^\d{3} \S/);
    await vi.fill('#q', 'xac thuc');
    await expect.poll(() => vi.locator('#search-results a').allTextContents()).toContain('235 Xác thực thành công');
    await page.close();
    await vi.close();
  });

  it('can be used with the keyboard alone: skip link, search box, results', async () => {
    const page = await open('/en/smtp/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Shift+Tab');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'q' && guard++ < 10) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('mailbox full');
    await expect.poll(() => page.locator('#search-results a').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
    expect(focused).toMatch(/^\/en\/smtp\/\d{3}\/$/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${origin}${focused}`);
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
