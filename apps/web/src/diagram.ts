// The picture that beats prose: the steps of an SMTP session, top to bottom, with the steps where
// each code can occur highlighted, and the code written beside them (colour is never the only cue).
import { getProtocol, type ProtocolDefinition, type ProtocolId } from '@protocodes/core';
import { describeFactValues, localeMessage, protocolNamesIn } from '@protocodes/texts';
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

/** "554 can occur at: …", once per protocol, code and locale (FTP has a 235 too). */
function codeSentence(locale: string, protocol: ProtocolId, code: number, phases: readonly { name: string }[]): string {
  const key = `${locale}:${protocol}:${code}`;
  let sentence = sentences.get(key);
  if (sentence === undefined) {
    sentence = localeMessage(locale, 'web.diagramCode', { code, phases: phases.map((p) => p.name).join(', ') });
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
  const rows: string[] = [];

  // The legend: a swatch per code, and one for steps both codes share.
  const overlap = described.length > 1 && phases.some((phase) => described.every((d) => d.phases.has(phase.id)));
  const legend = [
    ...described.map((d) => ({ cls: `hit-${d.mark}`, text: String(d.code) })),
    ...(overlap ? [{ cls: 'hit-ab', text: localeMessage(locale, 'web.diagramBoth') }] : []),
  ];
  legend.forEach((item, i) => {
    const x = X + i * 78;
    rows.push(`<rect class="swatch step ${item.cls}" x="${x}" y="6" width="16" height="16" rx="3"/><text class="label" x="${x + 22}" y="19">${escapeHtml(item.text)}</text>`);
  });

  const row = (phaseId: string, y: number, connector: boolean) => {
    const hits = described.filter((d) => d.phases.has(phaseId));
    const cls = hits.length === 0 ? 'step' : `step hit-${hits.map((h) => h.mark).join('')}`;
    const badges = hits.map((h, i) => `<text class="badge badge-${h.mark}" x="${X + BOX_WIDTH + 14 + i * 46}" y="${y + 18}">${h.code}</text>`).join('');
    const line = connector ? `<line class="flow" x1="${X + BOX_WIDTH / 2}" y1="${y - 8}" x2="${X + BOX_WIDTH / 2}" y2="${y}"/>` : '';
    rows.push(`${line}<rect class="${cls}" data-phase="${escapeHtml(phaseId)}" x="${X}" y="${y}" width="${BOX_WIDTH}" height="26" rx="5"/><text class="label" x="${X + 10}" y="${y + 18}">${escapeHtml(names[phaseId] ?? phaseId)}</text>${badges}`);
  };
  const top = 34;
  main.forEach((phase, i) => row(phase.id, top + i * ROW, i > 0));
  let height = top + main.length * ROW;
  if (aside.length > 0) {
    rows.push(`<text class="aside-title" x="${X}" y="${height + 16}">${escapeHtml(localeMessage(locale, 'web.diagramAside'))}</text>`);
    height += 26;
    aside.forEach((phase, i) => row(phase.id, height + i * ROW, false));
    height += aside.length * ROW;
  }

  const title = diagramTitle(protocol, codes, locale);
  const description = described.map((d) => codeSentence(locale, protocol, d.code, d.info.facts.phases ?? [])).join(' ');
  return (
    `<svg class="session" role="img" viewBox="0 0 ${X + BOX_WIDTH + 14 + 46 * codes.length + 8} ${height}" width="100%" aria-labelledby="${id}-title ${id}-desc">` +
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
      const rows: string[] = [];
      const overlap = described.length > 1 && fact.values!.some((value) => described.every((d) => d.values.has(value.id)));
      const legend = [...described.map((d) => ({ cls: `hit-${d.mark}`, text: String(d.code) })), ...(overlap ? [{ cls: 'hit-ab', text: localeMessage(locale, 'web.diagramBoth') }] : [])];
      legend.forEach((item, i) => {
        const x = X + i * 78;
        rows.push(`<rect class="swatch step ${item.cls}" x="${x}" y="6" width="16" height="16" rx="3"/><text class="label" x="${x + 22}" y="19">${escapeHtml(item.text)}</text>`);
      });
      const top = 34;
      fact.values!.forEach((value, i) => {
        const y = top + i * ROW;
        const hits = described.filter((d) => d.values.has(value.id));
        const cls = hits.length === 0 ? 'step' : `step hit-${hits.map((h) => h.mark).join('')}`;
        const badges = hits.map((h, k) => `<text class="badge badge-${h.mark}" x="${X + BOX_WIDTH + 14 + k * 46}" y="${y + 18}">${h.code}</text>`).join('');
        const line = i > 0 ? `<line class="flow" x1="${X + BOX_WIDTH / 2}" y1="${y - 8}" x2="${X + BOX_WIDTH / 2}" y2="${y}"/>` : '';
        rows.push(`${line}<rect class="${cls}" data-value="${escapeHtml(value.id)}" x="${X}" y="${y}" width="${BOX_WIDTH}" height="26" rx="5"/><text class="label" x="${X + 10}" y="${y + 18}">${escapeHtml(labels[value.id] ?? value.id)}</text>${badges}`);
      });
      const height = top + fact.values!.length * ROW;
      const label = described[0]?.label ?? fact.label;
      const title = localeMessage(locale, 'web.diagramFact', { label, codes: codes.map((c) => c.code).join(' / ') });
      const figureId = `${id}-${n}`;
      const svg =
        `<svg class="session fact" role="img" data-fact="${escapeHtml(fact.field)}" viewBox="0 0 ${X + BOX_WIDTH + 14 + 46 * codes.length + 8} ${height}" width="100%" aria-labelledby="${figureId}-title">` +
        `<title id="${figureId}-title">${escapeHtml(title)}</title>${rows.join('')}</svg>`;
      return `<figure class="diagram">${svg}<figcaption>${escapeHtml(title)}</figcaption></figure>`;
    })
    .join('');
}
