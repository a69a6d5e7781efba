import { formatOffset } from '../assert/describe.ts';
import type { TimelineEventLike } from '../types.ts';
import { PARTIES, PARTY_LABELS, type Party, viewTimeline } from './event-view.ts';
import { xmlEscape as x } from './xml-escape.ts';

const COLUMN = 190;
const GUTTER = 80;
const HEADER = 44;
const ROW = 30;

/**
 * One call drawn as an inline SVG sequence diagram: a lifeline per party that takes part
 * (phone, Catapush, APNs, Twilio, token server, help desk), an arrow per request, push or
 * response, a note per Say/Record/beep/caller action, errors in red, virtual time on the left.
 * Elements carry `data-*` attributes (`data-party`, `data-from`, `data-to`) for tools and tests.
 */
export function renderSequenceDiagram(timeline: readonly TimelineEventLike[], title = 'call'): string {
  const views = viewTimeline(timeline);
  const used = new Set<Party>(['phone', 'twilio']);
  for (const v of views) {
    used.add(v.from);
    if (v.to) used.add(v.to);
  }
  const parties = PARTIES.filter((p) => used.has(p));
  const xOf = (p: Party): number => GUTTER + COLUMN / 2 + parties.indexOf(p) * COLUMN;
  const width = GUTTER + parties.length * COLUMN + 20;
  const height = HEADER + (views.length + 1) * ROW + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sequence" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${x(title)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>',
    '<marker id="arrow-error" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c62828"/></marker></defs>',
  ];
  for (const p of parties) {
    const cx = xOf(p);
    parts.push(
      `<g class="lifeline" data-party="${p}"><rect x="${cx - 65}" y="6" width="130" height="28" rx="4" class="head"/>`,
      `<text x="${cx}" y="25" text-anchor="middle" class="head-label">${x(PARTY_LABELS[p])}</text>`,
      `<line x1="${cx}" y1="${HEADER - 10}" x2="${cx}" y2="${height - 6}" class="life"/></g>`,
    );
  }
  views.forEach((v, i) => {
    const y = HEADER + (i + 1) * ROW;
    const cls = v.error ? ' error' : '';
    const tip = `<title>${x(`${formatOffset(v.t)} ${v.who} ${v.text}`)}</title>`;
    parts.push(`<text x="6" y="${y + 4}" class="time">${formatOffset(v.t)}</text>`);
    if (v.to && v.to !== v.from) {
      const x1 = xOf(v.from);
      const x2 = xOf(v.to);
      parts.push(
        `<g class="message${cls}" data-from="${v.from}" data-to="${v.to}" data-type="${x(v.event.type)}">${tip}`,
        `<line x1="${x1}" y1="${y}" x2="${x2 + (x2 > x1 ? -2 : 2)}" y2="${y}" marker-end="url(#${v.error ? 'arrow-error' : 'arrow'})"/>`,
        `<text x="${(x1 + x2) / 2}" y="${y - 5}" text-anchor="middle">${x(clip(v.text, Math.max(32, Math.abs(x2 - x1) / 7)))}</text></g>`,
      );
    } else {
      const cx = xOf(v.from);
      const text = clip(plain(v.who === 'caller' ? `caller ${v.text}` : v.text), 44);
      const w = Math.max(60, text.length * 7.3 + 14);
      parts.push(
        `<g class="note${cls}" data-party="${v.from}" data-type="${x(v.event.type)}">${tip}`,
        `<rect x="${cx + 6}" y="${y - 11}" width="${w}" height="18" rx="3"/>`,
        `<text x="${cx + 12}" y="${y + 2}">${x(text)}</text></g>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * @note Pictographs are dropped inside the SVG: headless browsers and many desktop fonts have
 * no emoji glyphs and draw empty boxes. The terminal transcript keeps them.
 */
function plain(text: string): string {
  return text.replace(/\p{Extended_Pictographic}\uFE0F?\s*/gu, '');
}

function clip(text: string, max: number): string {
  const limit = Math.max(8, Math.floor(max));
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Styles for the diagram; the HTML report inlines them once. */
export const SEQUENCE_CSS = `
svg.sequence { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #fff; }
svg.sequence .head { fill: #eef2f7; stroke: #5a6b82; }
svg.sequence .head-label { font-weight: 600; fill: #1f2d3d; }
svg.sequence .life { stroke: #9aa7b8; stroke-dasharray: 4 4; }
svg.sequence .time { fill: #6b7785; font-size: 11px; }
svg.sequence .message line { stroke: #444; stroke-width: 1.4; }
svg.sequence .message text { fill: #1f2d3d; }
svg.sequence .note rect { fill: #fff8d6; stroke: #d8c267; }
svg.sequence .note text { fill: #4a3f00; }
svg.sequence .error line { stroke: #c62828; }
svg.sequence .error text { fill: #c62828; font-weight: 600; }
svg.sequence .note.error rect { fill: #fde7e7; stroke: #c62828; }
`;
