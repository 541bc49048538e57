import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CallRow, LogEntry, StatementEntry } from '../../lib/panel-view.js';
import { PreviewElement } from '../shared/preview-element.js';
import { badge } from '../shared/parts.js';

/** "At the end" allows for a few pixels of rounding. */
const END_SLACK_PX = 24;

/**
 * The panel's live log: SCORM calls or xAPI statements, newest last. It
 * follows new entries while the reader is at its end; only the reader
 * scrolling up stops that (new rows, or other sections resizing the log, move
 * nothing up), and scrolling back to the end starts it again. SCORM reads and
 * error checks can be hidden.
 */
@customElement('preview-log')
export class PreviewLog extends PreviewElement {
  @state() private hideReads = false;
  @query('.scroll') private scroller!: HTMLElement;
  private pinned = true;
  private lastTop = 0;
  private readonly resizes = new ResizeObserver(() => this.follow());

  /** "LMS calls", "Statements", "LMS traffic". */
  @property() name = 'Log';
  @property() kind: 'calls' | 'statements' | 'none' = 'none';
  @property({ attribute: false }) columns: readonly string[] = [];
  @property({ attribute: false }) entries: readonly LogEntry[] = [];
  /** How many there are in all (the count beside the name). */
  @property({ type: Number }) total = 0;
  /** Offer "Hide reads and error checks". */
  @property({ type: Boolean }) filterable = false;
  @property() emptyText = 'Nothing yet.';
  /** A new value (a new launch) starts following the end again. */
  @property() session = '';

  override connectedCallback() {
    super.connectedCallback();
    // Other sections growing or the window resizing must not leave the log short of its end.
    void this.updateComplete.then(() => this.resizes.observe(this.scroller));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizes.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('session')) {
      this.pinned = true;
      this.lastTop = 0;
    }
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('entries') || changed.has('hideReads') || changed.has('session')) this.follow();
  }

  private follow() {
    const scroller = this.scroller;
    if (this.pinned) scroller.scrollTop = scroller.scrollHeight;
    this.lastTop = scroller.scrollTop;
  }

  private handleScroll() {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    if (scrollHeight - scrollTop - clientHeight < END_SLACK_PX) this.pinned = true;
    else if (scrollTop < this.lastTop) this.pinned = false;
    this.lastTop = scrollTop;
  }

  private handleFilter(event: Event) {
    this.hideReads = (event.target as HTMLInputElement).checked;
  }

  override render() {
    const empty = this.entries.length === 0;
    return html`<section class="panel-section log-section">
      <div class="section-head">
        <h3 id="log-title">${this.name} <span class="count">${this.total}</span></h3>
        ${
          this.filterable
            ? html`<label class="filter"
                ><input type="checkbox" .checked=${this.hideReads} @change=${this.handleFilter} /> Hide reads and error checks</label
              >`
            : nothing
        }
      </div>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="log-title" @scroll=${this.handleScroll}>
        <table class="log ${this.kind} ${this.hideReads ? 'hide-reads' : ''}" ?hidden=${empty}>
          <thead>
            ${
              this.columns.length
                ? html`<tr>
                    ${this.columns.map((c) => html`<th scope="col">${c}</th>`)}
                  </tr>`
                : nothing
            }
          </thead>
          <tbody>
            ${this.entries.map((entry) => (entry.kind === 'call' ? callRows(entry) : statementRow(entry)))}
          </tbody>
        </table>
        <p class="muted empty" ?hidden=${!empty}>${this.emptyText}</p>
      </div>
    </section>`;
  }
}

function callRows(call: CallRow) {
  const classes = [call.read ? 'read' : '', call.errorCheck ? 'error-check' : '', call.violation ? 'violation' : '']
    .filter(Boolean)
    .join(' ');
  const setting = call.method.endsWith('SetValue');
  const row = html`<tr class=${classes}>
    <td class="num">${call.number}</td>
    <td class="method">${call.method}</td>
    <td class="element">
      ${call.element ? html`<code>${call.element}</code>` : html`<span class="muted">${call.argument ?? ''}</span>`}
      ${call.detail !== undefined ? html`<div class="value" title=${call.detail}>${setting ? '=' : '→'} ${call.detail}</div>` : nothing}
    </td>
    <td class="result">${call.result}</td>
    <td class="code">
      ${call.errorCode === 0 ? html`<span class="muted">0</span>` : badge(String(call.errorCode), call.benign ? 'warn' : 'bad')}
    </td>
  </tr>`;
  if (!call.violation) return row;
  return html`${row}
    <tr class="violation-detail">
      <td colspan="5"><strong>Violation: </strong>${call.violation.rule} (${call.violation.section})</td>
    </tr>`;
}

function statementRow(s: StatementEntry) {
  return html`<tr class="verb-${s.verbKey}">
    <td class="num">${s.number}</td>
    <td class="verb">
      ${badge(s.verb, s.tone)}
      <div class="time muted">${s.time}</div>
    </td>
    <td class="object">
      <div class="object-name">${s.objectName}</div>
      <code class="value" title=${s.objectId}>${s.objectTail}</code>
    </td>
    <td class="result">
      ${
        s.chips.length
          ? s.chips.map((chip) =>
              'badge' in chip
                ? badge(chip.badge, chip.tone)
                : html`<span class="chip" title=${chip.title ?? nothing}
                    >${chip.text}${chip.code !== undefined ? html`<code>${chip.code}</code>` : nothing}</span
                  >`,
            )
          : html`<span class="muted">—</span>`
      }
    </td>
  </tr>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-log': PreviewLog;
  }
}
