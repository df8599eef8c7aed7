// Live search in the header box, as an ARIA combobox: the list opens below the field, arrows move
// through it, Enter opens the active result and Escape closes it. The index is fetched the first
// time the box is used and ranked by search-core, the same code the CLI and the API run. A query
// that reads as a mail server's reply is offered to the explain page first. Without this script
// the form still submits to the protocol's list of codes.
import { buildSearchIndex, looksLikeReply, rankSearch, type SearchEntry, type SearchIndex } from '@protocodes/texts/search-core';

const form = document.querySelector<HTMLFormElement>('form.search');
const input = form?.querySelector<HTMLInputElement>('input[role=combobox]');
const panel = form?.querySelector<HTMLElement>('.search-panel');
const list = form?.querySelector<HTMLUListElement>('#search-results');
const status = form?.querySelector<HTMLElement>('.search-status');

const SHOWN = 8;

if (form && input && panel && list && status) {
  const locale = document.documentElement.lang;
  let index: Promise<SearchIndex> | undefined;
  let messages = { explain: '', tryExplain: '' };
  const load = () =>
    (index ??= fetch(form.dataset.index!)
      .then((response) => response.json() as Promise<{ locale: string; messages: typeof messages; entries: SearchEntry[] }>)
      .then(({ locale: indexLocale, messages: words, entries }) => {
        messages = words;
        return buildSearchIndex(indexLocale, entries);
      }));

  let options: HTMLLIElement[] = [];
  let active = -1;

  const setActive = (next: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = next;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const option = (href: string, code: string, title: string, className?: string): HTMLLIElement => {
    const item = document.createElement('li');
    item.id = `search-option-${options.length}`;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    item.dataset.href = href;
    if (className) item.className = className;
    const badge = document.createElement('span');
    badge.className = `badge ${className?.split(' ')[1] ?? ''}`.trim();
    badge.textContent = code;
    item.append(badge, ` ${title}`);
    options.push(item);
    return item;
  };

  const explainLink = (query: string) => `${form.dataset.explain}#text=${encodeURIComponent(query)}`;

  const render = async () => {
    const query = input.value.trim();
    options = [];
    setActive(-1);
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    if (!index) status.textContent = form.dataset.loading ?? '';
    const searchIndex = await load();
    if (input.value.trim() !== query) return;
    const items: HTMLLIElement[] = [];
    if (looksLikeReply(query, searchIndex)) items.push(option(explainLink(query), '?', messages.explain, 'explain'));
    for (const { entry } of rankSearch(searchIndex, query, { limit: SHOWN })) {
      const label = entry.kind === 'provider' ? entry.title : entry.kind === 'enhanced' ? entry.title : `${entry.protocol.toUpperCase()} · ${entry.title}`;
      items.push(option(`/${locale}/${entry.path}`, entry.kind === 'provider' ? entry.protocol.toUpperCase() : entry.code, label, `${entry.kind} c${entry.kind === 'code' ? entry.code[0] : 'x'}`));
    }
    list.replaceChildren(...items);
    if (items.length === 0) {
      const empty = document.createElement('a');
      empty.href = explainLink(query);
      empty.textContent = messages.tryExplain;
      status.replaceChildren(`${(form.dataset.empty ?? '').replace('{query}', query)} `, empty);
    } else {
      status.textContent = '';
    }
    panel.hidden = false;
    input.setAttribute('aria-expanded', String(items.length > 0));
  };

  const open = (item: HTMLLIElement | undefined) => {
    if (item?.dataset.href) window.location.assign(item.dataset.href);
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => void render());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      if (panel.hidden) {
        panel.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length + (active === -1 && step === -1 ? 1 : 0)) % options.length);
    } else if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        close();
      } else {
        input.value = '';
        void render();
      }
    }
  });
  list.addEventListener('click', (event) => open((event.target as Element).closest<HTMLLIElement>('li[role=option]') ?? undefined));
  list.addEventListener('mousedown', (event) => event.preventDefault());
  input.addEventListener('blur', () => close());
  form.addEventListener('submit', (event) => {
    // Enter opens the active result, or the first (the explanation, for a reply), instead of the list of codes.
    const chosen = options[active] ?? options[0];
    if (chosen) {
      event.preventDefault();
      open(chosen);
    }
  });
}
