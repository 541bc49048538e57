/**
 * The report's charts, drawn with Observable Plot into SVG at report time
 * (no script in the page, nothing fetched when it opens). Plot needs a DOM to
 * draw into; linkedom gives it one in Node.
 *
 * Why Plot over Vega-Lite (both well kept, both render SVG without a browser):
 * Plot's SVG is about a third the size for the same bar chart (~3 KB against
 * ~9 KB), draws axes and text in `currentColor` (so the charts print black on
 * white and follow the page's colours), and brings less (Plot + linkedom, about
 * 5 MB installed, against some 30 vega-* packages, about 12 MB). Vega-Lite's
 * gain, a JSON spec, is of no use here: the charts are drawn once, from code.
 *
 * Every chart is an image with a short text alternative (`role="img"`,
 * `aria-label`); its figures are in the data table beside it, which is what a
 * screen reader reads. Colour is never the only cue: the right option is also
 * named in its label.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Blue for counts; green marks the right answer; grey the wrong ones (each ≥ 3:1 against white). */
export const COLOURS = { count: '#1f5fa8', right: '#1a7f37', wrong: '#6e7781', second: '#9a6700' } as const;

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Fill; `COLOURS.count` when absent. */
  readonly colour?: string;
}

/** Plot's SVG as an image: one name for assistive technology, its parts hidden (the table says it all). */
function asImage(svg: Element, label: string): string {
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('focusable', 'false');
  for (const part of svg.querySelectorAll('[aria-label]')) if (part !== svg) part.removeAttribute('aria-label');
  for (const part of svg.querySelectorAll('[aria-description]')) part.removeAttribute('aria-description');
  return svg.outerHTML;
}

const FONT = { fontSize: '13px' };
const labelWidth = (labels: readonly string[]) => Math.min(380, 16 + 7.6 * Math.max(4, ...labels.map((l) => l.length)));

/** Horizontal bars, one per label, in the order given, each with its value written at its end. */
export function horizontalBars(bars: readonly Bar[], o: { label: string; x: string }): string {
  const marginLeft = labelWidth(bars.map((b) => b.label));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const svg = Plot.plot({
    document,
    width: 720,
    height: 60 + bars.length * 30,
    style: FONT,
    marginLeft,
    marginRight: 56,
    marginBottom: 44,
    x: { label: o.x, labelAnchor: 'center', labelOffset: 38, domain: [0, max], grid: true },
    y: { label: null, domain: bars.map((b) => b.label) },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fill: (b: Bar) => b.colour ?? COLOURS.count }),
      Plot.text(bars, { y: 'label', x: 'value', text: (b: Bar) => String(b.value), dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element; // Plot returns the SVG element it built in linkedom's document
  return asImage(svg, o.label);
}

export interface PairedBar {
  readonly label: string;
  readonly series: string;
  readonly value: number;
}

/** Vertical bars in pairs (e.g. first attempt and best score) for each label, side by side. */
export function pairedColumns(rows: readonly PairedBar[], o: { label: string; y: string; series: readonly [string, string] }): string {
  const labels = [...new Set(rows.map((r) => r.label))];
  const svg = Plot.plot({
    document,
    width: 720,
    height: 320,
    marginBottom: 56,
    style: FONT,
    fx: { label: null, domain: labels, padding: 0.15 },
    x: { axis: null, domain: o.series },
    y: { label: o.y, grid: true },
    color: { domain: o.series, range: [COLOURS.count, COLOURS.second], legend: false },
    marks: [
      Plot.barY(rows, { fx: 'label', x: 'series', y: 'value', fill: 'series' }),
      Plot.text(rows, { fx: 'label', x: 'series', y: 'value', text: (r: PairedBar) => String(r.value), dy: -6 }),
      Plot.ruleY([0]),
    ],
  }) as unknown as Element;
  return asImage(svg, o.label);
}
