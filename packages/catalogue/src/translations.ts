// Translations: which entries each locale covers, which were made from English that has since
// changed, and whether each translation keeps the protocol words and placeholders of its source.
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.js';
import type {
  CodeEntry,
  EnhancedEntry,
  ProviderRule,
  FactValue,
  LocaleProtocolFile,
  MessagesFile,
  PairNote,
  ProtocolCatalogue,
  ProtocolDefinition,
  TranslationStatus,
} from './model.js';
import { snippetShape } from './snippets.js';
import { keyPositionOf, positionOf, type PathSegment, type SourceFile } from './source.js';

/** The hash a translation records of the English it was made from. */
export function sourceHash(english: unknown): string {
  return createHash('sha256').update(JSON.stringify(english)).digest('hex').slice(0, 12);
}

export function codeSourceTexts(entry: CodeEntry) {
  const { title, summary, description, whenYouSeeIt, howToFix, whenToSend, onReceive, retryWhen } = entry;
  return {
    title,
    summary,
    description,
    whenYouSeeIt,
    howToFix: { sender: howToFix.sender, operator: howToFix.operator },
    whenToSend,
    onReceive,
    ...(retryWhen ? { retryWhen: retryWhen.map((exception) => ({ condition: exception.condition })) } : {}),
    ...(entry.vendorMeanings ? { vendorMeanings: entry.vendorMeanings.map((vendor) => ({ meaning: vendor.meaning })) } : {}),
  };
}

export function enhancedSourceTexts(entry: EnhancedEntry) {
  const { title, summary, description, whenYouSeeIt, howToFix } = entry;
  return {
    title,
    summary,
    description,
    inClass: entry.inClass.map((use) => ({ meaning: use.meaning })),
    whenYouSeeIt,
    howToFix: { sender: howToFix.sender, operator: howToFix.operator },
  };
}

export function providerRuleSourceTexts(rule: ProviderRule) {
  return { title: rule.title, meaning: rule.meaning, fix: rule.fix };
}

export type EntrySection = 'codes' | 'pairs' | 'enhanced' | 'providers';

/** Every translatable entry of a protocol except the protocol's own texts, with its English. */
export function translationSources(protocol: ProtocolCatalogue): { section: EntrySection; id: string; texts: unknown }[] {
  return [
    ...protocol.codes.map(({ value }) => ({ section: 'codes' as const, id: String(value.code), texts: codeSourceTexts(value) })),
    ...protocol.pairs.map(({ value }) => ({ section: 'pairs' as const, id: pairId(value.codes), texts: pairSourceTexts(value) })),
    ...protocol.enhanced.map(({ value }) => ({ section: 'enhanced' as const, id: value.code, texts: enhancedSourceTexts(value) })),
    ...protocol.providers.flatMap(({ value }) => value.rules.map((rule) => ({ section: 'providers' as const, id: rule.id, texts: providerRuleSourceTexts(rule) }))),
  ];
}

export function pairSourceTexts(pair: PairNote) {
  return { note: pair.note, whenToSendWhich: pair.whenToSendWhich };
}

export function protocolSourceTexts(protocol: ProtocolDefinition) {
  const digits = (list: readonly { digit: number; name: string; meaning: string }[]) =>
    Object.fromEntries(list.map((d) => [String(d.digit), { name: d.name, meaning: d.meaning }]));
  const phrases = ({ id: _id, ...texts }: FactValue) => texts;
  return {
    title: protocol.title,
    summary: protocol.summary,
    outcomes: Object.fromEntries(protocol.outcomes.map((o) => [`${o.class}:${o.retry}`, { outcome: o.outcome, both: o.both, choice: o.choice }])),
    facts: Object.fromEntries(
      protocol.facts.map((f) => [f.field, { label: f.label, ...(f.values ? { values: Object.fromEntries(f.values.map((v) => [v.id, phrases(v)])) } : {}) }]),
    ),
    classes: digits(protocol.classes),
    ...(protocol.categories ? { categories: digits(protocol.categories) } : {}),
    ...(protocol.subjects ? { subjects: digits(protocol.subjects) } : {}),
    ...(protocol.phases ? { phases: Object.fromEntries(protocol.phases.map((p) => [p.id, { name: p.name, when: p.when }])) } : {}),
  };
}

export function pairId(codes: readonly [number, number] | readonly number[]): string {
  return `${codes[0]}-${codes[1]}`;
}

/** ALL-CAPS words (RCPT TO, SPF), numbers (5.7.1, 587) and quoted wire texts a translation must keep. */
export function protocolWords(text: string, limit = 100): string[] {
  const words = new Set<string>();
  for (const [word] of text.matchAll(/(?<![\p{L}\p{N}])(?:\p{Lu}{2,}[\p{Lu}\d]*|\d+(?:\.\d+)*)(?![\p{L}\p{N}])/gu)) {
    words.add(word);
    if (words.size >= limit) break;
  }
  return [...words];
}

function leaves(value: unknown, path: PathSegment[] = []): { path: PathSegment[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

interface LocaleProtocolCheck {
  diagnostics: Diagnostic[];
  status: TranslationStatus;
}

/** Checks one `locales/<locale>/<protocol>.yaml` against the English catalogue of that protocol. */
export function checkProtocolTranslations(file: SourceFile, translations: LocaleProtocolFile, english: ProtocolCatalogue): LocaleProtocolCheck {
  const diagnostics: Diagnostic[] = [];
  const status: TranslationStatus = { scope: english.id, total: 0, fresh: 0, stale: [], missing: [] };
  const warn = (path: PathSegment[], rule: string, message: string, hint: string): Diagnostic => ({
    ...where(file, path),
    rule,
    message,
    hint,
    level: 'warning',
  });
  const error = (path: PathSegment[], rule: string, message: string, hint: string, fixable = false): Diagnostic => ({
    ...where(file, path),
    rule,
    message,
    hint,
    ...(fixable ? { fixable } : {}),
  });

  const entries = translationSources(english);
  const sectionOf = (key: EntrySection) => new Map(entries.filter((e) => e.section === key).map((e) => [e.id, e.texts]));
  const sections: { key: 'protocol' | EntrySection; english: Map<string, unknown>; label: [string, string] }[] = [
    { key: 'protocol', english: new Map([['protocol', protocolSourceTexts(english.protocol.value)]]), label: ['protocol text', 'protocol texts'] },
    { key: 'codes', english: sectionOf('codes'), label: ['code', 'codes'] },
    { key: 'pairs', english: sectionOf('pairs'), label: ['pair note', 'pair notes'] },
    { key: 'enhanced', english: sectionOf('enhanced'), label: ['enhanced code', 'enhanced codes'] },
    { key: 'providers', english: sectionOf('providers'), label: ['provider rule', 'provider rules'] },
  ];

  for (const section of sections) {
    const translated: Record<string, { source?: string } & Record<string, unknown>> =
      section.key === 'protocol'
        ? translations.protocol
          ? { protocol: translations.protocol as unknown as { source?: string } }
          : {}
        : ((translations[section.key] ?? {}) as Record<string, { source?: string }>);
    const pathOf = (id: string): PathSegment[] => (section.key === 'protocol' ? ['protocol'] : [section.key, id]);
    const missing: string[] = [];

    for (const [id, source] of section.english) {
      status.total++;
      const translation = translated[id];
      if (!translation) {
        missing.push(id);
        continue;
      }
      const expected = sourceHash(source);
      if (!translation.source) {
        diagnostics.push(error(pathOf(id), 'translation-unstamped', `the translation of ${id} does not record which English it was made from`, `after checking it against the English, add source: ${expected}`, true));
        continue;
      }
      if (translation.source !== expected) {
        status.stale.push(id);
        diagnostics.push(warn([...pathOf(id), 'source'], 'translation-stale', `the English of ${id} changed after this translation was made; English is shown until it is updated`, `compare with the English entry, update the translation, then set source: ${expected}`));
        continue;
      }
      status.fresh++;
      const { source: _hash, ...texts } = translation;
      diagnostics.push(...checkWords(file, pathOf(id), source, texts));
      diagnostics.push(...checkStructure(file, pathOf(id), source, texts));
    }
    for (const id of Object.keys(translated)) {
      // A translation of an entry whose English file is there but broken: that file says why.
      if (!section.english.has(id) && !english.presentIds.has(id)) {
        diagnostics.push(error(pathOf(id), 'translation-extra', `${id} is translated here but has no English entry in ${english.id}`, `remove it, or check the ${{ codes: 'code', pairs: 'pair id', enhanced: 'enhanced code', providers: 'rule id', protocol: 'key' }[section.key]} for a typo`));
      }
    }
    if (missing.length > 0) {
      status.missing.push(...missing.map((id) => (section.key === 'protocol' ? 'protocol' : `${section.key}/${id}`)));
      const message =
        section.key === 'protocol'
          ? `the protocol's own texts (title, class, category and phase names) are not translated yet`
          : `${missing.length} ${section.label[missing.length === 1 ? 0 : 1]} not translated yet: ${missing.join(', ')}`;
      diagnostics.push(warn(section.key === 'protocol' ? [] : [section.key], 'translation-missing', message, 'translate them; until then readers get the English text and are told so'));
    }
  }
  return { diagnostics, status };
}

function where(file: SourceFile, path: PathSegment[]) {
  const position = path.length > 0 ? keyPositionOf(file, path) : positionOf(file, path);
  return { file: file.path, line: position.line, column: position.column };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `word` occurs in `text` with no letter or digit right before or after it. */
function standsAlone(word: string, text: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const low = text.charCodeAt(at - 1);
    const before = at === 0 ? '' : String.fromCodePoint(text.codePointAt(low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1)!);
    const after = text.codePointAt(at + word.length);
    if (!LETTER_OR_DIGIT.test(before) && (after === undefined || !LETTER_OR_DIGIT.test(String.fromCodePoint(after)))) return true;
  }
  return false;
}

function checkWords(file: SourceFile, path: PathSegment[], english: unknown, translated: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  const translatedLeaves = new Map(leaves(translated).map((l) => [l.path.join('.'), l.text]));
  for (const { path: leafPath, text } of leaves(english)) {
    const translation = translatedLeaves.get(leafPath.join('.'));
    if (translation === undefined) continue;
    const dropped = protocolWords(text).filter((word) => !standsAlone(word, translation));
    if (dropped.length > 0) {
      found.push({
        ...where(file, [...path, ...leafPath]),
        rule: 'protocol-words',
        message: `the English has ${dropped.map((w) => `"${w}"`).join(', ')}, which the translation does not`,
        hint: 'keep protocol words, acronyms, codes and numbers exactly as in English',
      });
    }
  }
  return found;
}

function checkStructure(file: SourceFile, path: PathSegment[], english: unknown, translated: unknown): Diagnostic[] {
  const expected = new Set(leaves(english).map((l) => l.path.join('.')));
  const actual = new Set(leaves(translated).map((l) => l.path.join('.')));
  const found: Diagnostic[] = [];
  for (const key of expected) {
    if (!actual.has(key)) found.push({ ...where(file, path), rule: 'translation-missing', message: `the translation has no ${key}`, hint: `translate ${key} too`, level: 'warning' });
  }
  for (const key of actual) {
    if (!expected.has(key)) found.push({ ...where(file, [...path, ...key.split('.')]), rule: 'translation-extra', message: `${key} does not exist in the English`, hint: 'remove it, or check the key for a typo' });
  }
  return found;
}

/** Checks a locale's messages.yaml against English: same ids, same placeholders, recorded sources. */
export function checkMessages(file: SourceFile, messages: MessagesFile, english: MessagesFile): { diagnostics: Diagnostic[]; status: TranslationStatus } {
  const diagnostics: Diagnostic[] = [];
  const status: TranslationStatus = { scope: 'messages', total: 0, fresh: 0, stale: [], missing: [] };
  const sources = messages.sources ?? {};
  for (const [group, entries] of Object.entries(english.messages)) {
    for (const [key, source] of Object.entries(entries)) {
      const id = `${group}.${key}`;
      status.total++;
      const translation = messages.messages[group]?.[key];
      if (translation === undefined) {
        status.missing.push(id);
        continue;
      }
      const expected = sourceHash(source);
      if (!sources[id]) {
        diagnostics.push({ ...where(file, ['messages', group, key]), rule: 'translation-unstamped', message: `message ${id} does not record which English it was made from`, hint: `after checking it, add "${id}: ${expected}" under sources`, fixable: true });
        continue;
      }
      if (sources[id] !== expected) {
        status.stale.push(id);
        diagnostics.push({ ...where(file, ['messages', group, key]), rule: 'translation-stale', message: `the English of message ${id} changed after it was translated`, hint: `update it, then set sources.${id}: ${expected}`, level: 'warning' });
        continue;
      }
      status.fresh++;
      try {
        const want = [...snippetShape(source).placeholders].sort();
        const have = [...snippetShape(translation).placeholders].sort();
        if (want.join() !== have.join()) {
          diagnostics.push({ ...where(file, ['messages', group, key]), rule: 'placeholder-mismatch', message: `message ${id} uses {{${have.join('}}, {{')}}} but the English uses {{${want.join('}}, {{')}}}`, hint: 'use exactly the placeholders of the English message; their order may change' });
        }
      } catch {
        // A snippet that does not parse is already reported as snippet-syntax.
      }
    }
  }
  for (const [group, entries] of Object.entries(messages.messages)) {
    for (const key of Object.keys(entries)) {
      if (english.messages[group]?.[key] === undefined) {
        diagnostics.push({ ...where(file, ['messages', group, key]), rule: 'translation-extra', message: `message ${group}.${key} does not exist in English`, hint: 'remove it, or check the id for a typo' });
      }
    }
  }
  if (status.missing.length > 0) {
    diagnostics.push({ ...where(file, ['messages']), rule: 'translation-missing', message: `${status.missing.length} messages not translated yet: ${status.missing.join(', ')}`, hint: 'translate them; until then the English sentence is used', level: 'warning' });
  }
  return { diagnostics, status };
}

/** Whether a translation exists and was made from the current English (stale ones are not used). */
export function isFresh(translation: { source?: string } | undefined, english: unknown): boolean {
  return translation?.source !== undefined && translation.source === sourceHash(english);
}
