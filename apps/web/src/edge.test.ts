// The same site three ways: the Workers bundle (dist/worker.js) under workerd, the Node server and
// the static build. For a sample of routes all three must give the same bytes, and workerd must
// render on demand what the static build left out.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import type { SiteConfig } from './config.js';
import { allRoutes, isNotablePair, pathOf, prerenderedRoutes, type Route } from './routes.js';
import { startServer } from './server.js';
import { fileOf, renderRoute } from './site.js';

const SITE_URL = 'https://protocodes.test';
const config: SiteConfig = { siteUrl: SITE_URL };
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'protocodes-edge-'));
const staticDir = join(work, 'site');
let workerd: ChildProcess | undefined;
let node: ReturnType<typeof startServer> | undefined;
let edge = '';
let local = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const bundle = join(appRoot, 'dist', 'worker.js');
  if (!existsSync(bundle)) throw new Error('dist/worker.js is missing: run the build first (pnpm build)');
  buildSite({ outDir: staticDir, config });
  node = startServer(0, config);
  await new Promise<void>((resolve) => node!.once('listening', () => resolve()));
  local = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;

  const port = await freePort();
  // workerd embeds files relative to its config, so the bundle goes next to it.
  copyFileSync(bundle, join(work, 'worker.js'));
  writeFileSync(
    join(work, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "site", worker = .site) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "site") ],
);
const site :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  bindings = [ (name = "SITE_URL", text = "${SITE_URL}") ],
  compatibilityDate = "2025-01-01",
);
`,
  );
  workerd = spawn(join(appRoot, 'node_modules', '.bin', 'workerd'), ['serve', join(work, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  workerd.stderr!.on('data', (chunk) => (stderr += chunk));
  edge = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`${edge}/healthz`)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`workerd did not start: ${stderr}`);
});

afterAll(async () => {
  workerd?.kill();
  await new Promise<void>((resolve) => (node ? node.close(() => resolve()) : resolve()));
  rmSync(work, { recursive: true, force: true });
});

/**
 * The first route of each kind in each locale, then every n-th of the rest up to `count`. Left out:
 * `_headers`, which only static hosts read, and two kinds the servers answer with a redirect where a
 * static host has a page: the reverse order of a pair, and `/` (fetch always sends
 * Accept-Language, and the servers follow it).
 */
function sample(count: number): Route[] {
  const routes = [...prerenderedRoutes()].filter((route) => !['compare-reverse', 'root', 'host-headers'].includes(route.kind));
  const firsts = new Map<string, Route>();
  for (const route of routes) {
    const key = `${route.kind} ${'locale' in route ? route.locale : ''}`;
    if (!firsts.has(key)) firsts.set(key, route);
  }
  const rest = routes.filter((route) => ![...firsts.values()].includes(route));
  const step = rest.length / (count - firsts.size);
  return [...firsts.values(), ...Array.from({ length: count - firsts.size }, (_, i) => rest[Math.floor(i * step)]!)];
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('workerd, the Node server and the static files', () => {
  it('give identical bytes, statuses and content types for 200 sampled routes', async () => {
    const routes = sample(200);
    expect(new Set(routes.map(pathOf)).size).toBe(200);
    expect(new Set(routes.map((route) => route.kind)).size).toBeGreaterThanOrEqual(15);
    const mismatches: string[] = [];
    for (const route of routes) {
      const path = pathOf(route);
      const file = readFileSync(join(staticDir, fileOf(route)));
      const [fromEdge, fromNode] = await Promise.all([fetch(`${edge}${path}`), fetch(`${local}${path}`)]);
      const [edgeBody, nodeBody] = await Promise.all([bytes(fromEdge), bytes(fromNode)]);
      if (!edgeBody.equals(file)) mismatches.push(`${path}: workerd differs from the static file`);
      if (!nodeBody.equals(file)) mismatches.push(`${path}: Node differs from the static file`);
      if (fromEdge.status !== fromNode.status) mismatches.push(`${path}: status ${fromEdge.status} under workerd, ${fromNode.status} on Node`);
      if (fromEdge.headers.get('content-type') !== fromNode.headers.get('content-type')) mismatches.push(`${path}: content types differ`);
      if (fromEdge.headers.get('etag') !== fromNode.headers.get('etag')) mismatches.push(`${path}: ETags differ`);
    }
    expect(mismatches).toEqual([]);
  });

  it('redirects / by Accept-Language alike', async () => {
    for (const base of [edge, local]) {
      const root = await fetch(`${base}/`, { headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' }, redirect: 'manual' });
      expect([root.status, root.headers.get('location'), root.headers.get('vary')]).toEqual([302, '/vi/', 'Accept-Language']);
    }
  });

  it('renders a pair that was not prerendered on demand under workerd, cacheable by a CDN', async () => {
    const route = [...allRoutes()].find((r) => r.kind === 'compare' && r.locale === 'vi' && r.protocol === 'http' && !isNotablePair(r.protocol, r.a, r.b))!;
    const path = pathOf(route);
    expect(existsSync(join(staticDir, fileOf(route)))).toBe(false);
    const response = await fetch(`${edge}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=86400');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const body = await response.text();
    expect(body).toBe(renderRoute(route, config).body);
    expect(body).toContain('<html lang="vi"');
    expect(body).toContain(`<link rel="canonical" href="${SITE_URL}${path}">`);
    const revalidated = await fetch(`${edge}${path}`, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    const reverse = await fetch(`${edge}/vi/http/${'b' in route ? `${route.b}-vs-${route.a}` : ''}/`, { redirect: 'manual' });
    expect([reverse.status, reverse.headers.get('location')]).toEqual([301, path]);
  });

  it('serves the API, its docs and the 404 page from the same worker', async () => {
    const api = await fetch(`${edge}/v1/smtp/codes/554?lang=vi`);
    expect(api.status).toBe(200);
    expect((await api.json()).texts.title).toBe('Giao dịch thất bại');
    const search = await (await fetch(`${edge}/v1/search?q=relay+access+denied`)).json();
    expect(search.hits.slice(0, 3).map((hit: { code: string }) => hit.code)).toContain('554');
    const docs = await fetch(`${edge}/docs`);
    expect([docs.status, docs.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const missing = await fetch(`${edge}/vi/smtp/999/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Không tìm thấy trang</h1>');
  });
});
