// The reply explainer: parses what was pasted with the same parser as the CLI and the API, in
// the page, and writes the explanation with the locale's words (a static file, fetched when the
// box is first used). The pasted text is never sent anywhere.
import { explainMessage, looksLikeMessage, parseReply, type ReplyFinding } from '@protocodes/core/explain';
import type { ExplainTexts } from '../pages/explain.js';

const form = document.querySelector<HTMLFormElement>('form.explain-form');
const input = form?.querySelector<HTMLTextAreaElement>('textarea');
const results = document.getElementById('explain-results');

/** Findings past this many are counted, not written out: a pasted log stays readable. */
const SHOWN = 20;

if (form && input && results) {
  let loading: Promise<ExplainTexts> | undefined;
  const load = () => (loading ??= fetch(form.dataset.texts!).then((response) => response.json() as Promise<ExplainTexts>));
  let texts: ExplainTexts = { locale: document.documentElement.lang, messages: {}, basic: {}, enhanced: {}, providers: {} };
  const say = (id: string) => texts.messages[id] ?? id;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const link = (href: string, text: string) => {
    const a = el('a', text);
    a.href = href;
    return a;
  };

  const explainOne = (finding: ReplyFinding): HTMLElement => {
    const article = el('article', undefined, 'reply');
    const codes = [finding.reply, finding.enhanced].filter((c) => c !== undefined).join(' ');
    article.append(el('h3', say('title.reply').replace('{codes}', codes || finding.reason)));
    const quote = el('blockquote', undefined, 'wire');
    quote.append(el('code', finding.text));
    article.append(quote);
    if (!codes) article.append(el('p', say('reply.noCode')));

    const id = finding.enhanced ? `X${finding.enhanced.slice(1)}` : undefined;
    const enhanced = id ? texts.enhanced[id] : undefined;
    const basic = finding.reply !== undefined ? texts.basic[String(finding.reply)] : undefined;
    const rule = finding.provider ? texts.providers[finding.provider.rule] : undefined;

    const verdict = el('dl', undefined, 'verdict');
    const row = (field: string, label: string, value: string) => {
      const dd = el('dd', value);
      dd.dataset.field = field;
      verdict.append(el('dt', label), dd);
    };
    row('outcome', say('reply.outcome'), say(`outcome.${finding.verdict.outcome}`));
    row('reason', say('reply.reason'), finding.reason === 'undefined' ? say('reason.undefined') : `${finding.reason}: ${say(`reason.${finding.reason}`)}`);
    row('side', say('reply.side'), say(`side.${finding.verdict.side}`));
    row('retry', say('reply.retry'), say(`verdictRetry.${finding.verdict.retry}`));
    if (finding.command) row('command', say('reply.command'), finding.command);
    if (finding.remoteHost) row('remoteHost', say('reply.remoteHost'), finding.remoteHost);
    article.append(verdict);

    if (rule) {
      const section = el('section', undefined, 'provider');
      section.append(el('h4', `${say('reply.provider')}: ${rule.provider}, ${rule.title}`), el('p', rule.meaning));
      article.append(section);
    }
    const fix = rule?.fix ?? enhanced?.fix ?? basic?.fix;
    if (fix) {
      const section = el('section', undefined, 'fix');
      section.append(el('h4', say('reply.fix')), el('p', fix));
      article.append(section);
    }
    const list = el('ul');
    if (basic && finding.reply !== undefined) {
      const item = el('li');
      item.append(link(`/${texts.locale}/smtp/${finding.reply}/`, `${finding.reply} ${basic.title}`), `: ${basic.summary}`);
      list.append(item);
    }
    if (enhanced && id && finding.enhanced) {
      const item = el('li');
      const meaning = enhanced.meanings[finding.enhanced[0]!] ?? '';
      item.append(link(`/${texts.locale}/smtp/${id}/`, `${finding.enhanced} ${enhanced.title}`), meaning ? `: ${meaning}` : '');
      list.append(item);
    }
    if (rule && finding.provider) {
      const item = el('li');
      item.append(link(`/${texts.locale}/smtp/providers/${finding.provider.rule}/`, `${rule.provider}: ${rule.title}`));
      list.append(item);
    }
    if (list.childElementCount > 0) {
      const section = el('section', undefined, 'codes');
      section.append(el('h4', say('reply.codes')), list);
      article.append(section);
    }
    return article;
  };

  const explain = async () => {
    texts = await load();
    const text = input.value;
    if (text.trim() === '') {
      results.replaceChildren(el('p', say('web.explainEmpty')));
      return;
    }
    const findings = looksLikeMessage(text) ? explainMessage(text) : parseReply(text);
    if (findings.length === 0) {
      results.replaceChildren(el('p', say('reply.nothingFound')));
      return;
    }
    const shown = findings.slice(0, SHOWN).map(explainOne);
    if (findings.length > SHOWN) shown.push(el('p', `… ${findings.length - SHOWN}`));
    results.replaceChildren(...shown);
  };

  input.addEventListener('focus', () => void load(), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void explain();
  });
  // The header search hands a pasted reply over in the fragment, which never reaches a server.
  const handedOver = new URLSearchParams(window.location.hash.slice(1)).get('text');
  if (handedOver) {
    input.value = handedOver;
    void explain();
  }
}
