import { css, html, LitElement } from 'lit';
import type { Block } from '../../content/lesson.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * A data table with a caption and header cells, plus its CSV version
 * (shown, and offered as the file the build ships beside the page).
 */
export class LessonTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .scroll {
        overflow-x: auto;
        margin-bottom: var(--space-3);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        max-width: var(--measure);
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: var(--space-2);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: var(--space-2) var(--space-3);
        border: 1px solid var(--border);
      }
      thead th {
        background: var(--surface-2);
      }
      pre {
        font-family: var(--font-mono);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--surface-2);
        padding: var(--space-3);
        border-radius: var(--radius);
        max-width: var(--measure);
      }
      summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      /* display: flex drops the native disclosure triangle: draw one, so it reads as something to open. */
      summary::before {
        content: '▸' / '';
        margin-right: var(--space-2);
      }
      [open] > summary::before {
        content: '▾' / '';
      }
      .download {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
    `,
  ];

  static override properties = { table: { attribute: false } };

  /** The table block from the lesson. */
  table!: TableBlock;

  override render() {
    const { caption, columns, rows, csv, csvFileName } = this.table;
    return html`
      <div class="scroll" role="region" aria-label=${caption} tabindex="0">
        <table>
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              ${columns.map((c) => html`<th scope="col">${c}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              ([head, ...cells]) =>
                html`<tr>
                  <th scope="row">${head}</th>
                  ${cells.map((c) => html`<td>${c}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <details class="csv screen-only">
        <summary>${ui.csvVersion}</summary>
        <pre>${csv.trimEnd().replaceAll('\r\n', '\n')}</pre>
      </details>
      <p class="screen-only"><a class="download" href=${csvFileName} download=${csvFileName}>${ui.downloadCsv(csvFileName)}</a></p>
    `;
  }
}

customElements.define('lesson-table', LessonTable);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-table': LessonTable;
  }
}
