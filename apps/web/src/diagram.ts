// The picture that beats prose: the steps of an SMTP session, top to bottom, with the steps where
// each code can occur highlighted, and the code written beside them (colour is never the only cue).
import { getProtocol, type ProtocolDefinition, type ProtocolId } from '@protocodes/core';
import { describeFactValues, listIn, localeInfo, localeMessage, protocolNamesIn } from '@protocodes/texts';
import { escapeHtml } from './html.js';
import { codeInfo } from './pages/links.js';

export interface DiagramCode {
  code: number;
  /** `a` for the first (or only) code, `b` for the second: the two colours. */
  mark: 'a' | 'b';
}

const ROW = 34;
const BOX_WIDTH = 190;
const X = 8;

const sentences = new Map<string, string>();

/**
 * Where things go in a picture of `width`: as given for left-to-right locales, mirrored for
 * right-to-left ones, whose pictures read from the right (text anchors at its start, which
 * `direction="rtl"` puts on the right).
 */
interface Layout {
  /** The x of a box of `w` that starts `x` from the reading edge. */
  box(x: number, w: number): number;
  /** The x of a point (a text's anchor, a line's end) `x` from the reading edge. */
  point(x: number): number;
  /** Attributes for the `<svg>` element. */
  svgAttributes: string;
}

function layoutFor(locale: string, width: number): Layout {
  const rtl = localeInfo.find((l) => l.id === locale)?.dir === 'rtl';
  return rtl
    ? { box: (x, w) => width - x - w, point: (x) => width - x, svgAttributes: ' direction="rtl"' }
    : { box: (x) => x, point: (x) => x, svgAttributes: '' };
}

/** A swatch and its text for each code, and one for what both share. */
function legendRows(legend: readonly { cls: string; text: string }[], at: Layout): string[] {
  return legend.map((item, i) => {
    const x = X + i * 78;
    return `<rect class="swatch step ${item.cls}" x="${at.box(x, 16)}" y="6" width="16" height="16" rx="3"/><text class="label" x="${at.point(x + 22)}" y="19">${escapeHtml(item.text)}</text>`;
  });
}

/** One step or value of a picture: its box and name, a connector from the one above, and a badge per code there. */
function stepRow(at: Layout, y: number, cls: string, data: string, name: string, hits: readonly DiagramCode[], connector: boolean): string {
  const badges = hits.map((h, i) => `<text class="badge badge-${h.mark}" x="${at.point(X + BOX_WIDTH + 14 + i * 46)}" y="${y + 18}">${h.code}</text>`).join('');
  const middle = at.point(X + BOX_WIDTH / 2);
  const line = connector ? `<line class="flow" x1="${middle}" y1="${y - 8}" x2="${middle}" y2="${y}"/>` : '';
  return `${line}<rect class="${cls}" ${data} x="${at.box(X, BOX_WIDTH)}" y="${y}" width="${BOX_WIDTH}" height="26" rx="5"/><text class="label" x="${at.point(X + 10)}" y="${y + 18}">${escapeHtml(name)}</text>${badges}`;
}

const widthFor = (codes: readonly DiagramCode[]) => X + BOX_WIDTH + 14 + 46 * codes.length + 8;

/** "554 can occur at: …", once per protocol, code and locale (FTP has a 235 too). */
function codeSentence(locale: string, protocol: ProtocolId, code: number, phases: readonly { name: string }[]): string {
  const key = `${locale}:${protocol}:${code}`;
  let sentence = sentences.get(key);
  if (sentence === undefined) {
    sentence = localeMessage(locale, 'web.diagramCode', { code, phases: listIn(locale, phases.map((p) => p.name)) });
    sentences.set(key, sentence);
  }
  return sentence;
}

/** The diagram in a figure with a visible caption, ready to place in a page. */
export function sessionFigure(protocol: ProtocolId, codes: readonly DiagramCode[], locale: string, id: string): string {
  // Protocols without sessions (HTTP) have no session to draw.
  if (!(getProtocol(protocol) as ProtocolDefinition).phases) return '';
  const caption = diagramTitle(protocol, codes, locale);
  return `<figure class="diagram">${sessionDiagram(protocol, codes, locale, id)}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

export function sessionDiagram(protocol: ProtocolId, codes: readonly DiagramCode[], locale: string, id: string): string {
  const phases = (getProtocol(protocol) as ProtocolDefinition).phases ?? [];
  const names = protocolNamesIn(protocol, locale).phases;
  const described = codes.map((c) => {
    const info = codeInfo(locale, protocol, c.code);
    return { ...c, info, phases: new Set((info.facts.phases ?? []).map((p) => p.id)) };
  });
  const main = phases.filter((p) => p.flow === 'main');
  const aside = phases.filter((p) => p.flow === 'aside' && described.some((d) => d.phases.has(p.id)));
  const width = widthFor(codes);
  const at = layoutFor(locale, width);

  // The legend: a swatch per code, and one for steps both codes share.
  const overlap = described.length > 1 && phases.some((phase) => described.every((d) => d.phases.has(phase.id)));
  const legend = [
    ...described.map((d) => ({ cls: `hit-${d.mark}`, text: String(d.code) })),
    ...(overlap ? [{ cls: 'hit-ab', text: localeMessage(locale, 'web.diagramBoth') }] : []),
  ];
  const rows = legendRows(legend, at);

  const row = (phaseId: string, y: number, connector: boolean) => {
    const hits = described.filter((d) => d.phases.has(phaseId));
    const cls = hits.length === 0 ? 'step' : `step hit-${hits.map((h) => h.mark).join('')}`;
    rows.push(stepRow(at, y, cls, `data-phase="${escapeHtml(phaseId)}"`, names[phaseId] ?? phaseId, hits, connector));
  };
  const top = 34;
  main.forEach((phase, i) => row(phase.id, top + i * ROW, i > 0));
  let height = top + main.length * ROW;
  if (aside.length > 0) {
    rows.push(`<text class="aside-title" x="${at.point(X)}" y="${height + 16}">${escapeHtml(localeMessage(locale, 'web.diagramAside'))}</text>`);
    height += 26;
    aside.forEach((phase, i) => row(phase.id, height + i * ROW, false));
    height += aside.length * ROW;
  }

  const title = diagramTitle(protocol, codes, locale);
  const description = described.map((d) => codeSentence(locale, protocol, d.code, d.info.facts.phases ?? [])).join(' ');
  return (
    `<svg class="session" role="img" viewBox="0 0 ${width} ${height}" width="100%"${at.svgAttributes} aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${rows.join('')}</svg>`
  );
}

function diagramTitle(protocol: ProtocolId, codes: readonly DiagramCode[], locale: string): string {
  return localeMessage(locale, 'web.diagramTitle', { protocol: getProtocol(protocol).name, codes: codes.map((c) => c.code).join(' / ') });
}

/**
 * A declared fact drawn as a picture, one box per value in the protocol's order: HTTP's request
 * path (client, CDN, load balancer, proxy, origin) with where each code is generated, FTP's two
 * connections with the one each reply is about.
 */
export function factFigures(protocol: ProtocolId, codes: readonly DiagramCode[], locale: string, id: string): string {
  const definition = getProtocol(protocol) as ProtocolDefinition;
  return definition.facts
    .filter((fact) => fact.picture && fact.values)
    .map((fact, n) => {
      const described = codes.map((c) => {
        const info = codeInfo(locale, protocol, c.code);
        const declared = info.facts.declared.find((d) => d.field === fact.field);
        const values = declared?.value === undefined || declared.value === null ? [] : Array.isArray(declared.value) ? declared.value.map(String) : [String(declared.value)];
        return { ...c, values: new Set(values), label: declared?.label ?? fact.label };
      });
      const labels = Object.fromEntries(describeFactValues(protocol, locale, fact.field).map((v) => [v.id, v.label]));
      const width = widthFor(codes);
      const at = layoutFor(locale, width);
      const overlap = described.length > 1 && fact.values!.some((value) => described.every((d) => d.values.has(value.id)));
      const legend = [...described.map((d) => ({ cls: `hit-${d.mark}`, text: String(d.code) })), ...(overlap ? [{ cls: 'hit-ab', text: localeMessage(locale, 'web.diagramBoth') }] : [])];
      const rows = legendRows(legend, at);
      const top = 34;
      fact.values!.forEach((value, i) => {
        const hits = described.filter((d) => d.values.has(value.id));
        const cls = hits.length === 0 ? 'step' : `step hit-${hits.map((h) => h.mark).join('')}`;
        rows.push(stepRow(at, top + i * ROW, cls, `data-value="${escapeHtml(value.id)}"`, labels[value.id] ?? value.id, hits, i > 0));
      });
      const height = top + fact.values!.length * ROW;
      const label = described[0]?.label ?? fact.label;
      const title = localeMessage(locale, 'web.diagramFact', { label, codes: codes.map((c) => c.code).join(' / ') });
      const figureId = `${id}-${n}`;
      const svg =
        `<svg class="session fact" role="img" data-fact="${escapeHtml(fact.field)}" viewBox="0 0 ${width} ${height}" width="100%"${at.svgAttributes} aria-labelledby="${figureId}-title">` +
        `<title id="${figureId}-title">${escapeHtml(title)}</title>${rows.join('')}</svg>`;
      return `<figure class="diagram">${svg}<figcaption>${escapeHtml(title)}</figcaption></figure>`;
    })
    .join('');
}
