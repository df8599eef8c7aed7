// The one client script: live search in the header box. The index is fetched the first time the
// box is used, and ranked with the same code as the CLI and the API. Without this script the
// form still submits to the protocol's list of codes.
import { prepareQuery, scoreSearchDocument, searchField, type SearchField } from '@protocodes/texts/search-core';

interface IndexDocument {
  p: string;
  c: number;
  t: string;
  s: string;
  f: [SearchField, string][];
}

const form = document.querySelector<HTMLFormElement>('form.search');
const input = form?.querySelector<HTMLInputElement>('input[type=search]');
const results = form?.querySelector<HTMLElement>('#search-results');

if (form && input && results) {
  const locale = document.documentElement.lang;
  let documents: Promise<{ doc: IndexDocument; fields: ReturnType<typeof searchField>[] }[]> | undefined;
  const load = () =>
    (documents ??= fetch(form.dataset.index!)
      .then((response) => response.json() as Promise<{ documents: IndexDocument[] }>)
      .then(({ documents: list }) => list.map((doc) => ({ doc, fields: doc.f.map(([field, text]) => searchField(field, text)) }))));

  const render = async () => {
    const query = input.value.trim();
    if (query === '') {
      results.replaceChildren();
      return;
    }
    if (!documents) results.textContent = form.dataset.loading ?? '';
    const { words, phrase } = prepareQuery(query);
    const hits = (await load())
      .map(({ doc, fields }) => ({ doc, result: scoreSearchDocument(fields, words, phrase) }))
      .filter((hit): hit is { doc: IndexDocument; result: NonNullable<typeof hit.result> } => hit.result !== undefined)
      .sort((x, y) => y.result.score - x.result.score || x.doc.c - y.doc.c)
      .slice(0, 8);
    if (input.value.trim() !== query) return;
    if (hits.length === 0) {
      results.textContent = (form.dataset.empty ?? '').replace('{query}', query);
      return;
    }
    const list = document.createElement('ul');
    for (const { doc } of hits) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/${locale}/${doc.p}/${doc.c}/`;
      link.textContent = `${doc.c} ${doc.t}`;
      item.append(link);
      list.append(item);
    }
    results.replaceChildren(list);
  };

  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('input', () => void render());
  form.addEventListener('submit', (event) => {
    // With results on screen, Enter opens the best match instead of the list of codes.
    const first = results.querySelector<HTMLAnchorElement>('a');
    if (first) {
      event.preventDefault();
      first.click();
    }
  });
}
