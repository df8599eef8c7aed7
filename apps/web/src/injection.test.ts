// Hostile catalogue text (markup, attribute breakers, template syntax) must come out escaped on
// every page it reaches: the explanation, comparisons, lists, titles, descriptions and JSON-LD.
// This file changes its own instance of core's data; vitest isolates it from the other tests.
import { getCode } from '@protocodes/core';
import { codeTexts } from '@protocodes/core/locales/vi/smtp';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiteConfig } from './config.js';
import { renderPath } from './site.js';

const HOSTILE_TITLE = '"><img src=x onerror=alert(1)> {{x}}';
const HOSTILE_TEXT = '<script>alert(1)</script> "><img src=x onerror=alert(2)> {{x}} {{{y}}} </script><!--';
for (const target of [getCode('smtp', 252), codeTexts[252]] as unknown as { title: string; summary: string; description: string }[]) {
  target.title = HOSTILE_TITLE;
  target.summary = `${HOSTILE_TEXT}.`;
  target.description = HOSTILE_TEXT;
}

const config: SiteConfig = { siteUrl: 'https://protocodes.test' };

describe('hostile catalogue text on the web site', () => {
  for (const path of ['/en/smtp/252/', '/vi/smtp/252/', '/en/smtp/250-vs-252/', '/vi/smtp/250-vs-252/', '/en/smtp/', '/vi/', '/sitemaps/vi.xml']) {
    it(`is escaped on ${path}`, () => {
      const { body } = renderPath(path, config);
      expect(body).not.toMatch(/<script>alert|<img src=x|<!--/);
      if (!path.includes('252')) return;
      expect(body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; {{x}}');
      if (path.endsWith('/252/')) expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      // JSON-LD keeps the text as data: `<` is escaped inside the script, and parses back unchanged.
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!;
      expect(ld).not.toContain('<');
      expect(JSON.stringify(JSON.parse(ld))).toContain(HOSTILE_TITLE.replace(/"/g, '\\"'));
    });
  }

  it('stays data in the search index, which the client only ever inserts as text', () => {
    const index = JSON.parse(renderPath('/vi/search-index.json', config).body);
    expect(index.entries.find((d: { protocol: string; code: string }) => d.protocol === 'smtp' && d.code === '252').title).toBe(HOSTILE_TITLE);
    const client = readFileSync(new URL('../dist/assets/search.js', import.meta.url), 'utf8');
    expect(client).toContain('textContent');
    expect(client).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
  });
});
