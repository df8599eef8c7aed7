// @protocodes/texts/lazy starts with English only and loads a locale when asked; the default
// entry has every locale. This file imports only the lazy entry (vitest isolates it).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLocale, LocaleNotLoadedError, renderComparison } from './lazy.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The modules an entry loads before running, following static imports only. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]/gm)) {
      visit(resolve(dirname(file), m[1] ?? m[2]!));
    }
  };
  visit(join(dist, entry));
  return [...seen].map((f) => f.slice(dist.length)).sort();
}

describe('@protocodes/texts/lazy', () => {
  it('loads no locale but English until asked', () => {
    const graph = staticGraph('lazy.js');
    expect(graph).toContain('generated/bundles/en.js');
    expect(graph.filter((f) => f.startsWith('generated/bundles/'))).toEqual(['generated/bundles/en.js']);
    expect(staticGraph('index.js')).toContain('generated/bundles/vi.js');
  });

  it('refuses a known locale that is not loaded yet, then renders it once loaded', async () => {
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi' })).toThrow(LocaleNotLoadedError);
    expect(renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'ko' }).locale).toBe('en');
    expect(await loadLocale('vi-VN')).toBe('vi');
    const rendered = renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi' });
    expect(rendered.fallbacks).toEqual([]);
    expect(rendered.title).toBe('SMTP 235 Xác thực thành công so với 554 Giao dịch thất bại');
  });
});
