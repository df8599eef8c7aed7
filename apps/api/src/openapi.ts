// The OpenAPI 3.1 description of exactly the routes app.ts serves (a test holds them together).
import { protocolList as protocols, REPLY_ACTIONS, REPLY_REASONS } from '@protocodes/core';
import { PROBLEM_TYPES } from './problems.js';

/** The protocols, as the catalogue has them: an enum that grows with every catalogue folder. */
const protocolList: readonly string[] = protocols;

const lang = {
  name: 'lang',
  in: 'query',
  description: 'BCP 47 language tag. Without it, Accept-Language (with q-values) decides, else English. A well-formed tag the catalogue lacks falls back to English, and `fallbacks` in the body says so.',
  schema: { type: 'string', examples: ['vi', 'vi-VN', 'en'] },
};
const acceptLanguage = { name: 'Accept-Language', in: 'header', description: 'The languages the client prefers, with q-values; used when `lang` is absent. At most the first 64 entries are read.', schema: { type: 'string' }, example: 'vi-VN,vi;q=0.9,en;q=0.8' };
const protocol = { name: 'protocol', in: 'path', required: true, description: 'The protocol, in any case.', schema: { type: 'string', enum: protocolList } };
const code = (name: string) => ({
  name,
  in: 'path',
  required: true,
  description: 'A three-digit code; for SMTP also an enhanced status code (5.7.1, or X.7.1 without a class). A code outside the registry, such as 5.7.606, is explained from its class and subject. Enhanced codes are compared with enhanced codes only, as text, markdown or html.',
  schema: { type: 'string', pattern: '^(?:[0-9]{3}|[245Xx]\\.[0-9]{1,3}\\.[0-9]{1,3})$' },
});
const format = {
  name: 'format',
  in: 'query',
  description: '`json` (default) for data; `text`, `markdown` or `html` for the rendered text.',
  schema: { type: 'string', enum: ['json', 'text', 'markdown', 'html'], default: 'json' },
};

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const cachingHeaders = {
  ETag: { description: 'Strong entity tag of this representation.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' }, example: 'public, max-age=3600' },
  Vary: { schema: { type: 'string' }, example: 'Accept-Language' },
  'Content-Language': { description: 'The language the texts are in.', schema: { type: 'string' } },
};
const notModified = { description: 'Not modified: the If-None-Match entity tag still matches.' };
const json = (schema: string, description: string) => ({ description, headers: cachingHeaders, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const rendered = (schema: string, description: string) => ({
  description,
  headers: cachingHeaders,
  content: {
    'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
    'text/plain': { schema: { type: 'string' } },
    'text/markdown': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string', description: 'An HTML fragment (an <article>), every value escaped.' } },
  },
});

const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required });
const fallbacks = { type: 'array', description: 'Parts shown in English because the language lacks them; empty when fully translated.', items: object({ part: { type: 'string' }, locale: { type: 'string' } }) };
const localized = { locale: { type: 'string' }, requestedLocale: { type: 'string' }, fallbacks };
const texts = object({
  title: { type: 'string' },
  summary: { type: 'string' },
  description: { type: 'string' },
  whenYouSeeIt: { type: 'string' },
  howToFix: object({ sender: { type: 'string' }, operator: { type: 'string' } }),
  whenToSend: { type: 'string' },
  onReceive: { type: 'string', description: 'For whoever receives the reply: what client software does with it, and what a person should do.' },
  retryWhen: { type: 'array', description: 'Translations of each retryWhen condition, when the code has any.', items: object({ condition: { type: 'string' } }) },
}, ['title', 'summary', 'description', 'whenYouSeeIt', 'howToFix', 'whenToSend', 'onReceive']);
const retry = { type: 'string', enum: ['not-needed', 'continue', 'later', 'after-change', 'never'] };
const codeDetails = {
  code: { type: 'integer' },
  replyText: { type: 'string', description: 'The RFC reply text, verbatim; never translated.' },
  alternateReplyTexts: { type: 'array', items: object({ text: { type: 'string' }, reference: { type: 'string' } }) },
  texts,
  facts: object(
    {
      class: { type: 'integer' },
      className: { type: 'string' },
      category: { type: 'integer', description: 'SMTP and FTP: the second digit.' },
      categoryName: { type: 'string' },
      retry,
      retryWhen: {
        type: 'array',
        description: 'Known cases in which the right reaction differs from retry, such as 552 for too many recipients.',
        items: object({ retry, phase: { type: 'string' }, condition: { type: 'string' }, reference: { type: 'string' } }),
      },
      declared: {
        type: 'array',
        description: 'The facts the protocol declares, in its order of salience: the field, its label, the raw value and how a reader is told it.',
        items: object({ field: { type: 'string' }, label: { type: 'string' }, value: {}, text: { type: 'string' } }),
      },
      scope: { type: 'string', enum: ['command', 'recipient', 'transaction', 'session', 'host'], description: 'SMTP: what the reply refuses or affects.' },
      connection: { type: 'string', enum: ['open', 'closed'], description: 'SMTP: whether the server keeps the session open or closes the connection.' },
      channel: { type: 'string', enum: ['control', 'data'], description: 'FTP: which connection the reply is about.' },
      generatedBy: { type: 'array', items: { type: 'string', enum: ['origin', 'proxy', 'cdn', 'load-balancer', 'client'] }, description: 'HTTP: who generates the code, most usual first.' },
      cacheable: { type: 'boolean', description: 'HTTP: heuristically cacheable by default (RFC 9110 §15.1).' },
      redirect: { type: 'string', description: 'HTTP redirects: permanent or temporary, and whether the method and body are kept.' },
      headers: { type: 'array', items: { type: 'string' }, description: 'HTTP: header fields the code requires or expects.' },
      retrySafe: { type: 'boolean', description: 'HTTP: whether repeating the request unchanged is reasonable.' },
      phases: { type: 'array', items: object({ id: { type: 'string' }, name: { type: 'string' } }) },
      actors: { type: 'array', items: { type: 'string' } },
      related: { type: 'array', items: object({ code: { type: 'integer' }, title: { type: 'string' } }) },
      enhancedCodes: { type: 'array', items: { type: 'string' } },
      references: { type: 'array', items: { type: 'string' } },
      origin: { type: 'string', description: 'Who defines the code: iana, rfc, or a vendor such as nginx.' },
      vendorMeanings: { type: 'array', items: object({ origin: { type: 'string' }, name: { type: 'string' }, meaning: { type: 'string' } }) },
      documentation: { type: 'string', description: 'The vendor\'s own documentation, for codes no RFC defines.' },
      status: { type: 'string' },
    },
    ['class', 'className', 'retry', 'retryWhen', 'declared', 'related', 'references', 'origin', 'status'],
  ),
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'protocodes API',
    version: '1.0.0',
    summary: 'Protocol status codes explained and compared, in several languages.',
    description: 'Read-only. Every successful response carries a strong ETag and answers If-None-Match with 304. CORS is open for GET. Errors are RFC 9457 problem details.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  paths: {
    '/v1/protocols': {
      get: { summary: 'The protocols, with their code counts, and the available languages', operationId: 'listProtocols', parameters: [lang, acceptLanguage], responses: { 200: json('Protocols', 'Protocols and languages'), 304: notModified, 400: problem('Malformed lang') } },
    },
    '/v1/{protocol}/codes': {
      get: {
        summary: 'The codes of a protocol, optionally filtered',
        operationId: 'listCodes',
        parameters: [
          protocol,
          { name: 'class', in: 'query', description: 'First digit, e.g. 4.', schema: { type: 'string', pattern: '^[1-5]$' } },
          { name: 'phase', in: 'query', description: 'A session phase id, e.g. rcpt (SMTP and FTP).', schema: { type: 'string' } },
          { name: 'origin', in: 'query', description: 'Who defines the codes, comma-separated: iana, rfc, or vendors such as nginx or cloudflare (e.g. iana,nginx).', schema: { type: 'string' } },
          lang,
          acceptLanguage,
        ],
        responses: { 200: json('CodeList', 'The codes, ascending'), 304: notModified, 400: problem('Malformed class, phase or lang'), 404: problem('Unknown protocol') },
      },
    },
    '/v1/{protocol}/codes/{code}': {
      get: {
        summary: 'One code: its facts and its texts',
        operationId: 'getCode',
        parameters: [protocol, code('code'), format, lang, acceptLanguage],
        responses: { 200: rendered('CodeDescription', 'The code'), 304: notModified, 400: problem('Malformed code, format or lang'), 404: problem('Unknown protocol or code, with suggestions') },
      },
    },
    '/v1/{protocol}/compare/{a}/{b}': {
      get: {
        summary: 'Two codes compared',
        description: 'Either order answers with the same body; when a > b, a `Link: <…>; rel="canonical"` header names the canonical URL.',
        operationId: 'compareCodes',
        parameters: [protocol, code('a'), code('b'), format, lang, acceptLanguage],
        responses: {
          200: { ...rendered('ComparisonDescription', 'The comparison'), headers: { ...cachingHeaders, Link: { description: 'The canonical URL, when the codes were given in reverse order.', schema: { type: 'string' } } } },
          304: notModified,
          400: problem('Malformed code, format or lang, or the same code twice'),
          404: problem('Unknown protocol or code, with suggestions'),
        },
      },
    },
    '/v1/search': {
      get: {
        summary: 'Codes, enhanced codes and provider rules that match any word of q, best first',
        description: 'Ranked by BM25 with field weights: an exact code first, then words in titles and wire texts, then summaries, then the body; documents that hold more of the words, and hold them in a row, rank higher. Accents and case are folded, and English words are stemmed. The same ranking runs in the web site\'s search box.',
        operationId: 'searchCodes',
        parameters: [
          { name: 'q', in: 'query', required: true, description: 'Words, a code (`554`, `5.7.1`) or a pasted reply.', schema: { type: 'string', minLength: 1, maxLength: 200 } },
          { name: 'protocol', in: 'query', description: 'Search one protocol only; by default every protocol is searched.', schema: { type: 'string', enum: protocolList } },
          { name: 'limit', in: 'query', description: 'At most this many hits, from 1 to 100.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          lang,
          acceptLanguage,
        ],
        responses: { 200: json('SearchResult', 'Ranked matches (possibly none)'), 304: notModified, 400: problem('Missing or malformed q, limit or lang'), 404: problem('Unknown protocol') },
      },
    },
    '/v1/explain': {
      get: {
        summary: 'The SMTP replies found in a short text: a reply, a log line or DSN fields',
        description: 'Each finding has the basic and enhanced codes, the command it answered, the remote host, a reason from a fixed vocabulary (`userunknown`, `mailboxfull`, `blocked`, …), a verdict and the spans of each part in `text`. Where one line holds several codes, the remote server\'s wins. An empty list means no reply was found. The text is limited by the URL length (2,048 characters). Not cached.',
        operationId: 'explainReply',
        parameters: [{ name: 'text', in: 'query', required: true, description: 'The reply, log line or DSN fields to read, URL-encoded.', schema: { type: 'string', minLength: 1 } }],
        responses: { 200: json('Explanation', 'The findings, possibly none'), 400: problem('Missing text'), 414: problem('The URL, and so the text, is too long') },
      },
      post: {
        summary: 'The SMTP replies found in a bounce message, log lines or a reply, sent as the body',
        description: 'The same findings as GET, for texts too long for a URL: a whole bounce message (`message/rfc822`, with quoted-printable and base64 parts decoded; each finding then also carries the `recipient` and `action` of its per-recipient DSN block, and that block\'s Remote-MTA as `remoteHost` where the reply names none), log lines (`text/plain`) or JSON `{ "text": "…" }`. The body is capped at 256 kB (262,144 bytes); a larger one is refused with 413 before it is read. Not cached.',
        operationId: 'explainText',
        requestBody: {
          required: true,
          content: {
            'text/plain': { schema: { type: 'string', maxLength: 262144 } },
            'message/rfc822': { schema: { type: 'string' } },
            'application/json': { schema: object({ text: { type: 'string', minLength: 1 } }, ['text']) },
          },
        },
        responses: {
          200: json('Explanation', 'The findings, possibly none'),
          400: problem('An empty body, invalid JSON, or JSON without a text string'),
          413: problem('The body is larger than 256 kB'),
          415: problem('A Content-Type other than text/plain, message/rfc822 or application/json'),
        },
      },
    },
    '/v1/openapi.json': { get: { summary: 'This document', operationId: 'getOpenApi', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } }, 304: notModified } } },
    '/docs': { get: { summary: 'A readable page about this API', operationId: 'getDocs', responses: { 200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } }, 304: notModified } } },
    '/healthz': {
      get: { summary: 'Liveness', operationId: 'getHealth', responses: { 200: { description: 'Serving', content: { 'application/json': { schema: object({ status: { const: 'ok' }, catalogueVersion: { type: 'string' } }) } } } } },
    },
  },
  components: {
    schemas: {
      Explanation: object({
        findings: {
          type: 'array',
          items: object({
            reply: { type: 'integer' },
            enhanced: { type: 'string', pattern: '^[245]\\.\\d{1,3}\\.\\d{1,3}$' },
            command: { type: 'string' },
            remoteHost: { type: 'string', description: 'The host that sent the reply; in a bounce, where the reply names none, the Remote-MTA of its own per-recipient DSN block' },
            recipient: { type: 'string', description: 'Bounces only: the Final-Recipient address of the reply\'s per-recipient DSN block, without the address type (rfc822;)' },
            action: { type: 'string', enum: [...REPLY_ACTIONS], description: 'Bounces only: the Action field of the same DSN block, lower-cased' },
            provider: object({ id: { type: 'string', description: 'The provider, as in catalogue/protocols/smtp/providers/<id>.yaml' }, rule: { type: 'string', description: 'The rule that matched' } }, ['id', 'rule']),
            text: { type: 'string' },
            reason: { type: 'string', enum: [...REPLY_REASONS] },
            verdict: object({ outcome: { enum: ['success', 'temporary', 'permanent', 'unknown'] }, side: { enum: ['sender', 'recipient', 'receiving-server', 'network', 'nobody', 'unknown'] }, retry: { enum: ['no', 'later', 'after-fix'] } }),
            spans: { type: 'array', items: object({ part: { enum: ['reply', 'enhanced', 'command', 'host', 'text'] }, start: { type: 'integer' }, end: { type: 'integer' } }) },
          }, ['text', 'reason', 'verdict', 'spans']),
        },
      }),
      Problem: {
        type: 'object',
        description: `RFC 9457 problem details. Types: ${Object.keys(PROBLEM_TYPES).join(', ')} (each documented at /docs#problem-<type>).`,
        properties: {
          type: { type: 'string', format: 'uri-reference' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          suggestions: { type: 'array', items: { type: ['string', 'integer'] } },
          allowed: { type: 'array', items: { type: 'string' } },
        },
        required: ['type', 'title', 'status', 'detail'],
      },
      Protocols: object({
        locale: { type: 'string' },
        protocols: { type: 'array', items: object({ id: { type: 'string' }, name: { type: 'string' }, codeCount: { type: 'integer' }, references: { type: 'array', items: { type: 'string' } } }) },
        locales: { type: 'array', items: { type: 'string' } },
        catalogueVersion: { type: 'string' },
      }),
      CodeList: object({
        protocol: { type: 'string' },
        ...localized,
        codes: { type: 'array', items: object({ code: { type: 'integer' }, title: { type: 'string' }, summary: { type: 'string' }, class: { type: 'integer' }, retry, phases: { type: 'array', items: { type: 'string' } }, origin: { type: 'string' } }, ['code', 'title', 'summary', 'class', 'retry', 'origin']) },
      }),
      CodeDescription: object({ protocol: { type: 'string' }, ...localized, ...codeDetails }),
      ComparisonDescription: object({
        protocol: { type: 'string' },
        ...localized,
        codes: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
        title: { type: 'string' },
        keyDifference: { type: 'string', description: 'One to three sentences on the facts that differ, most telling first.' },
        facts: { type: 'object', description: 'Locale-free facts; `differences` lists the facts that differ, most telling first.' },
        a: object(codeDetails),
        b: object(codeDetails),
        note: {
          oneOf: [
            { type: 'null' },
            object({ text: { type: 'string' }, whenToSendWhich: { type: 'string' }, references: { type: 'array', items: { type: 'string' } } }),
          ],
        },
        whenToUseWhich: object({
          operator: { type: 'string', description: 'For the operator choosing between the two codes.' },
          onReceive: {
            type: 'array',
            description: 'One line per code for whoever receives it; a single line naming both codes when they would be the same.',
            items: object({ codes: { type: 'array', items: { type: 'integer' } }, text: { type: 'string' } }),
          },
        }),
      }),
      SearchResult: object(
        {
          query: { type: 'string' },
          ...localized,
          reply: { $ref: '#/components/schemas/Explanation/properties/findings/items', description: 'Present when `q` reads as a mail server\'s reply (a code with words, `said:`, `Diagnostic-Code:`): what `/v1/explain` makes of it, to offer before the hits.' },
          hits: {
            type: 'array',
            items: object(
              {
                kind: { enum: ['code', 'enhanced', 'provider'], description: 'A status code, an SMTP enhanced status code, or a provider rule.' },
                protocol: { type: 'string', enum: protocolList },
                code: { type: 'string', description: '`554`, `X.7.1`, or a provider rule id such as `gmail-over-quota`.' },
                title: { type: 'string' },
                summary: { type: 'string' },
                path: { type: 'string', description: 'The page on the web site, e.g. `/en/smtp/554/`.' },
                score: { type: 'number' },
                matched: { type: 'array', items: { enum: ['code', 'title', 'replyText', 'codes', 'summary', 'body'] }, description: 'The fields that matched, best first.' },
              },
              ['kind', 'protocol', 'code', 'title', 'summary', 'path', 'score', 'matched'],
            ),
          },
          message: { type: 'string', description: 'A localized sentence when there is no match.' },
        },
        ['query', 'locale', 'requestedLocale', 'fallbacks', 'hits'],
      ),
    },
  },
} as const;
