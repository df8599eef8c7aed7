// The protocodes HTTP API as one fetch-handler app (Hono). It runs unchanged on Node (node.ts)
// and on the Workers runtime (worker.ts); every text and JSON body comes from @protocodes/texts.
import { Hono, type Context } from 'hono';
import { catalogueVersion, explainMessage, parseEnhancedCode, findCode, looksLikeMessage, parseReply, getProtocol, isProtocolId, listCodes, listOrigins, protocolList, suggestCodes, type ProtocolDefinition, type ProtocolId } from '@protocodes/core';
import {
  availableLocales,
  describeCode,
  describeEnhancedCodeText,
  negotiateLocale,
  describeComparison,
  listCodeSummaries,
  localeMessage,
  MAX_QUERY_LENGTH,
  renderComparisonFromInput,
  renderExplanationFromInput,
  searchCodes,
  textsVersion,
} from '@protocodes/texts';
import { etagFor, LruCache, matchesIfNoneMatch, representationCost, type Representation } from './cache.js';
import { docsPage } from './docs.js';
import { chooseFormat, chooseLanguage, CONTENT_TYPES, type ResponseFormat } from './negotiate.js';
import { openApiDocument } from './openapi.js';
import { echo, ProblemError, problemResponse } from './problems.js';
import { DATA_POLICY, DOCS_POLICY, securityHeaders } from './security.js';

export { DATA_POLICY, PAGE_POLICY, securityHeaders } from './security.js';
export { LruCache, hash } from './cache.js';

export const MAX_URL_LENGTH = 2048;
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
/** The one route that takes a body: a reply, a bounce or log lines to explain. */
const EXPLAIN_PATH = '/v1/explain';
const EXPLAIN_METHODS = 'GET, HEAD, POST, OPTIONS';
/** Larger texts belong to the CLI, which streams them. */
export const MAX_EXPLAIN_BODY = 256 * 1024;
const EXPLAIN_TYPES = ['text/plain', 'message/rfc822', 'application/json'] as const;
const CACHE_CONTROL = 'public, max-age=3600';
const encoder = new TextEncoder();

export interface AppOptions {
  /** Bytes of finished responses to keep (default 64 MiB). */
  cacheBytes?: number;
}

/** Requests whose URL and Accept-Language together are longer than this skip the fast path. */
const MAX_REMEMBERED_REQUEST = 512;

function protocolParam(value: string): ProtocolId {
  const lower = value.toLowerCase();
  if (isProtocolId(lower)) return lower;
  throw new ProblemError('unknown-protocol', `there is no protocol ${echo(value)}`, { suggestions: protocolList });
}

function codeParam(protocol: ProtocolId, value: string): number | string {
  if (protocol === 'smtp' && value.includes('.')) {
    if (!parseEnhancedCode(value)) throw new ProblemError('invalid-code', `${echo(value)} is not an enhanced status code; write class.subject.detail, such as 5.7.1 or X.1.1`);
    return value.toUpperCase();
  }
  if (!/^\d{3}$/.test(value)) throw new ProblemError('invalid-code', `${echo(value)} is not a ${getProtocol(protocol).name} code; codes are three digits, such as 554${protocol === 'smtp' ? ', or enhanced codes such as 5.7.1' : ''}`);
  const code = Number(value);
  if (!findCode(protocol, code)) {
    throw new ProblemError('unknown-code', `${protocol} has no code ${value}`, { suggestions: suggestCodes(protocol, value) });
  }
  return code;
}

function jsonBody(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export interface CacheStats {
  entries: number;
  bytes: number;
}

export interface Api {
  /** The routes, for inspection (tests compare them with the OpenAPI document). */
  app: Hono;
  /** How much the two response caches hold: by normalized request, and by raw URL. */
  cacheStats(): { responses: CacheStats; requests: CacheStats; budget: number };
  /** The fetch handler that Node and the Workers runtime call. */
  fetch: (request: Request, env?: unknown, context?: unknown) => Response | Promise<Response>;
}

function respond(request: Request, representation: Representation, extraHeaders: Record<string, string>): Response {
  if (matchesIfNoneMatch(request.headers.get('if-none-match') ?? undefined, representation.etag)) {
    const { 'content-type': _type, 'content-length': _length, ...headers } = representation.headers;
    return new Response(null, { status: 304, headers: { ...headers, ...extraHeaders } });
  }
  return new Response(request.method === 'HEAD' ? null : representation.body, { status: 200, headers: { ...representation.headers, ...extraHeaders } });
}

/** Whether a request announces a body: GET and HEAD must not have one, so none is read. */
export function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return (length !== null && length.trim() !== '0') || request.headers.has('transfer-encoding');
}

function tooLarge(bytes: number | undefined): ProblemError {
  const size = bytes === undefined ? 'more than that' : `${bytes} bytes`;
  return new ProblemError('body-too-large', `the body is ${size}; the limit is ${MAX_EXPLAIN_BODY} bytes (256 kB). Explain a large log with the CLI: protocodes explain - < mail.log`);
}

/** The body of POST /v1/explain as text, read up to the cap whatever the headers claimed. */
async function readExplainBody(request: Request): Promise<string> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(EXPLAIN_TYPES as readonly string[]).includes(type)) {
    throw new ProblemError('unsupported-media-type', `Content-Type ${type ? echo(type) : 'is missing'}; send text/plain, message/rfc822, or application/json with {"text": "…"}`, { allowed: EXPLAIN_TYPES });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_EXPLAIN_BODY) {
        await reader.cancel();
        throw tooLarge(undefined);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (type !== 'application/json') return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProblemError('invalid-body', 'the body is not valid JSON; send {"text": "550 5.1.1 …"}');
  }
  const value = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).text : undefined;
  if (typeof value !== 'string') throw new ProblemError('invalid-body', 'the JSON body needs a "text" field with the reply, bounce or log lines as a string');
  return value;
}

/** Method, size and body checks that come before routing. */
function screen(request: Request): Response | undefined {
  // Answer at once and close when a body was announced: reading, or draining, a body nobody
  // asked for is what a slow or endless upload wants the server to do.
  const close: Record<string, string> = hasBody(request) ? { connection: 'close' } : {};
  if (request.url.length > MAX_URL_LENGTH) {
    return problemResponse(new ProblemError('uri-too-long', `the URL is ${request.url.length} characters long; the limit is ${MAX_URL_LENGTH}`).problem, close);
  }
  const explain = new URL(request.url).pathname === EXPLAIN_PATH;
  const allow = explain ? EXPLAIN_METHODS : ALLOWED_METHODS;
  if (explain && request.method === 'POST') {
    const length = Number(request.headers.get('content-length') ?? '0');
    if (length > MAX_EXPLAIN_BODY) return problemResponse(tooLarge(length).problem, { connection: 'close' });
    return undefined;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') {
    const readOnly = explain ? '' : '; this API is read-only apart from POST /v1/explain';
    return problemResponse(new ProblemError('method-not-allowed', `${echo(request.method).slice(1, -1)} is not allowed${readOnly}`).problem, { allow, ...close });
  }
  if (close.connection) {
    return problemResponse(new ProblemError('body-not-allowed', `a ${request.method} request has no body; send it without Content-Length or Transfer-Encoding`).problem, close);
  }
  if (request.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: {
        allow,
        'access-control-allow-origin': '*',
        'access-control-allow-methods': allow,
        'access-control-allow-headers': explain ? 'Accept-Language, Content-Type' : 'Accept-Language, If-None-Match',
        'access-control-max-age': '86400',
        ...securityHeaders(DATA_POLICY),
      },
    });
  }
  return undefined;
}

export function createApi(options: AppOptions = {}): Api {
  const app = new Hono();
  const cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
  // Keyed by the normalized request (route, protocol, codes, format, locale): few possible keys.
  const responses = new LruCache<Representation>(cacheBytes, representationCost);
  // Repeated requests (same URL and Accept-Language) skip routing and validation altogether. The
  // representation is shared with `responses`, so an entry costs its key and little else.
  const seen = new LruCache<{ representation: Representation; extraHeaders: Record<string, string> }>(cacheBytes / 8, () => 64);
  const requestKey = (request: Request) => `${request.url}\n${request.headers.get('accept-language') ?? ''}`;

  /** Serves a representation by its normalized key, building it only the first time. */
  function serve(c: Context, key: string, build: () => { body: string; format: ResponseFormat; locale?: string }, extraHeaders: Record<string, string> = {}): Response {
    let representation = responses.get(key);
    if (!representation) {
      const built = build();
      const etag = etagFor(key);
      const body = encoder.encode(built.body);
      representation = {
        body,
        etag,
        headers: {
          'content-type': CONTENT_TYPES[built.format],
          'content-length': String(body.byteLength),
          'cache-control': CACHE_CONTROL,
          vary: 'Accept-Language',
          etag,
          'access-control-allow-origin': '*',
          ...securityHeaders(key === 'docs' ? DOCS_POLICY : DATA_POLICY),
          ...(built.locale ? { 'content-language': built.locale } : {}),
        },
      };
      responses.set(key, representation);
    }
    const requestId = requestKey(c.req.raw);
    if (requestId.length <= MAX_REMEMBERED_REQUEST) seen.set(requestId, { representation, extraHeaders });
    return respond(c.req.raw, representation, extraHeaders);
  }

  app.get('/healthz', (c) => c.json({ status: 'ok', catalogueVersion, textsVersion }, 200, { 'cache-control': 'no-store', ...securityHeaders(DATA_POLICY) }));

  app.get('/v1/openapi.json', (c) => serve(c, 'openapi', () => ({ body: jsonBody(openApiDocument), format: 'json' })));

  app.get('/docs', (c) => serve(c, 'docs', () => ({ body: docsPage(), format: 'html', locale: 'en' })));

  app.get('/v1/protocols', (c) => {
    const lang = chooseLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return serve(c, `protocols|${lang}`, () => {
      const { locale } = negotiateLocale(lang, availableLocales);
      const body = {
        locale,
        protocols: protocolList.map((id) => {
          const protocol = getProtocol(id);
          return { id, name: protocol.name, codeCount: listCodes(id).length, references: protocol.references };
        }),
        locales: availableLocales,
        catalogueVersion,
      };
      return { body: jsonBody(body), format: 'json', locale };
    });
  });

  app.get('/v1/:protocol/codes', (c) => {
    const protocol = protocolParam(c.req.param('protocol'));
    const definition = getProtocol(protocol);
    const classValue = c.req.query('class');
    const phase = c.req.query('phase');
    const classes = definition.classes.map((d: { digit: number }) => String(d.digit));
    if (classValue !== undefined && !classes.includes(classValue)) {
      throw new ProblemError('invalid-query', `class=${echo(classValue)} is not a class of ${definition.name}`, { allowed: classes });
    }
    const phases: readonly string[] = ((definition as ProtocolDefinition).phases ?? []).map((p) => p.id);
    if (phase !== undefined && !phases.includes(phase)) {
      throw new ProblemError('invalid-query', `phase=${echo(phase)} is not a session phase of ${definition.name}`, { allowed: phases });
    }
    const originValue = c.req.query('origin');
    const knownOrigins = listOrigins(protocol);
    const origins = originValue === undefined ? undefined : originValue.split(',').map((o) => o.trim().toLowerCase());
    const unknownOrigin = origins?.find((o) => !knownOrigins.includes(o));
    if (unknownOrigin !== undefined) {
      throw new ProblemError('invalid-query', `origin=${echo(unknownOrigin)} is not an origin of ${definition.name} codes`, { allowed: knownOrigins });
    }
    const lang = chooseLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return serve(c, `codes|${protocol}|${classValue ?? ''}|${phase ?? ''}|${origins?.sort().join(',') ?? ''}|${lang}`, () => {
      const list = listCodeSummaries({
        protocol,
        locale: lang,
        filter: { ...(classValue ? { class: Number(classValue) } : {}), ...(phase ? { phase } : {}), ...(origins ? { origin: origins } : {}) },
      });
      return { body: jsonBody(list), format: 'json', locale: list.locale };
    });
  });

  app.get('/v1/:protocol/codes/:code', (c) => {
    const protocol = protocolParam(c.req.param('protocol'));
    const code = codeParam(protocol, c.req.param('code'));
    const format = chooseFormat(c.req.query('format'));
    const lang = chooseLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return serve(c, `code|${protocol}|${code}|${format}|${lang}`, () => {
      if (format === 'json') {
        const described = typeof code === 'string' ? describeEnhancedCodeText({ code, locale: lang }) : describeCode({ protocol, code, locale: lang });
        return { body: jsonBody(described), format, locale: described.locale };
      }
      const rendered = renderExplanationFromInput({ protocol, code, locale: lang, format });
      return { body: rendered.output, format, locale: rendered.locale };
    });
  });

  app.get('/v1/:protocol/compare/:a/:b', (c) => {
    const protocol = protocolParam(c.req.param('protocol'));
    const a = codeParam(protocol, c.req.param('a'));
    const b = codeParam(protocol, c.req.param('b'));
    if (a === b) throw new ProblemError('same-code', `both codes are ${a}; compare two different codes`);
    const format = chooseFormat(c.req.query('format'));
    const lang = chooseLanguage(c.req.query('lang'), c.req.header('accept-language'));
    if (typeof a === 'string' || typeof b === 'string') {
      if (typeof a !== 'string' || typeof b !== 'string') throw new ProblemError('invalid-code', `cannot compare ${a} with ${b}: compare two reply codes (550 and 554) or two enhanced codes (5.1.1 and 5.7.1)`);
      if (format === 'json') throw new ProblemError('invalid-query', 'enhanced codes are compared as text, markdown or html; ask for format=text, markdown or html', { allowed: ['text', 'markdown', 'html'] });
      return serve(c, `compare|${protocol}|${a}|${b}|${format}|${lang}`, () => {
        const rendered = renderComparisonFromInput({ protocol, codes: [a, b], locale: lang, format });
        return { body: rendered.output, format, locale: rendered.locale };
      });
    }
    const [low, high] = a < b ? [a, b] : [b, a];
    const query = new URL(c.req.url).search;
    const link = a > b ? { link: `</v1/${protocol}/compare/${low}/${high}${query}>; rel="canonical"` } : {};
    return serve(
      c,
      `compare|${protocol}|${low}|${high}|${format}|${lang}`,
      () => {
        if (format === 'json') {
          const described = describeComparison({ protocol, codes: [low, high], locale: lang });
          return { body: jsonBody(described), format, locale: described.locale };
        }
        const rendered = renderComparisonFromInput({ protocol, codes: [low, high], locale: lang, format });
        return { body: rendered.output, format, locale: rendered.locale };
      },
      link,
    );
  });

  app.get('/v1/search', (c) => {
    const q = c.req.query('q');
    if (q === undefined || q.trim() === '') throw new ProblemError('invalid-query', 'q is required: the words to search for, e.g. ?q=relay+denied');
    if (q.length > MAX_QUERY_LENGTH) throw new ProblemError('invalid-query', `q is ${q.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
    const protocolValue = c.req.query('protocol');
    const protocol = protocolValue === undefined ? undefined : protocolParam(protocolValue);
    const limitValue = c.req.query('limit');
    if (limitValue !== undefined && !/^(?:[1-9]\d?|100)$/.test(limitValue)) {
      throw new ProblemError('invalid-query', `limit=${echo(limitValue)} is not a whole number from 1 to 100`);
    }
    const limit = limitValue === undefined ? 20 : Number(limitValue);
    const lang = chooseLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return serve(c, `search|${protocol ?? '*'}|${limit}|${lang}|${q}`, () => {
      const result = searchCodes({ query: q, locale: lang, limit, ...(protocol ? { protocol } : {}) });
      const body = result.hits.length > 0 ? result : { ...result, message: localeMessage(result.locale, 'label.noMatches', { query: q }) };
      return { body: jsonBody(body), format: 'json', locale: result.locale };
    });
  });

  // Not cached: the text is the client's own, and parsing it costs less than remembering it.
  const explainResponse = (method: string, text: string) => {
    if (text.trim() === '') throw new ProblemError(method === 'POST' ? 'invalid-body' : 'invalid-query', method === 'POST' ? 'the body is empty: send the reply, bounce or log lines to explain' : 'text is required: the reply to explain, e.g. ?text=550+5.1.1+User+unknown');
    const findings = looksLikeMessage(text) ? explainMessage(text) : parseReply(text);
    const body = JSON.stringify({ findings }, null, 2);
    return new Response(method === 'HEAD' ? null : body, {
      headers: {
        'content-type': CONTENT_TYPES.json,
        'content-length': String(encoder.encode(body).byteLength),
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
        ...securityHeaders(DATA_POLICY),
      },
    });
  };
  app.get(EXPLAIN_PATH, (c) => explainResponse(c.req.method, c.req.query('text') ?? ''));
  app.post(EXPLAIN_PATH, async (c) => explainResponse('POST', await readExplainBody(c.req.raw)));

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    // The documentation has one address; a trailing slash is a common way to ask for it.
    if (path === '/docs/' && (c.req.method === 'GET' || c.req.method === 'HEAD')) return new Response(null, { status: 301, headers: { location: '/docs', ...securityHeaders(DATA_POLICY) } });
    return problemResponse(new ProblemError('not-found', `nothing is at ${echo(path)}; see /docs for the routes`).problem);
  });

  app.onError((error) => {
    if (error instanceof ProblemError) return problemResponse(error.problem);
    console.error('protocodes api: internal error:', error);
    return problemResponse(new ProblemError('internal-error', 'the server failed to answer; the error was logged').problem);
  });

  return {
    app,
    cacheStats: () => ({
      responses: { entries: responses.size, bytes: responses.bytes },
      requests: { entries: seen.size, bytes: seen.bytes },
      budget: cacheBytes,
    }),
    fetch(request, env, context) {
      const refused = screen(request);
      if (refused) return refused;
      const known = seen.get(requestKey(request));
      if (known) return respond(request, known.representation, known.extraHeaders);
      return app.fetch(request, env, context as never);
    },
  };
}
