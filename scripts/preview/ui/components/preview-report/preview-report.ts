import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { reason, runReport, type ReportSummary } from '../../lib/api.js';
import { PreviewElement } from '../shared/preview-element.js';

/**
 * The Report view (/report.html): runs the admin's item analysis (`npm run report`) over the
 * learner records of the preview's LRS, and shows the report with its files to download. The
 * report page itself is shown in a sandboxed frame: it is the very file an admin opens from disk.
 */
@customElement('preview-report')
export class PreviewReport extends PreviewElement {
  @state() private summary: ReportSummary | undefined;
  @state() private running = false;
  @state() private failure = '';
  /** Changes with every run, so the frame shows the new report. */
  @state() private version = 0;

  override connectedCallback() {
    super.connectedCallback();
    void this.handleRun();
  }

  private readonly handleRun = async () => {
    if (this.running) return;
    this.running = true;
    this.failure = '';
    try {
      this.summary = await runReport();
      this.version += 1;
    } catch (error) {
      this.failure = reason(error);
    } finally {
      this.running = false;
    }
  };

  override render() {
    return html`<a class="skip" href="#main">Skip to the report</a>
      <header class="topbar">
        <a class="back" href="/">← Packages</a>
        <p class="brand">Preview LMS · Report</p>
        <p class="topbar-note">The admin's item analysis over this preview's learner records.</p>
      </header>
      <main id="main" tabindex="-1">
        <h1>Report</h1>
        <p class="intro">
          The same analysis as <code>npm run report</code>, read from the preview's LRS: every xAPI and cmi5 launch's statements. Launch a
          package, answer, come back and run it again.
        </p>
        <p>
          <button class="primary" type="button" ?disabled=${this.running} @click=${this.handleRun}>
            ${this.running ? 'Running the report…' : 'Run the report again'}
          </button>
        </p>
        <p class="message" role="status">${this.statusText()}</p>
        ${this.failure ? html`<p class="bad-text" role="alert">The report could not be made: ${this.failure}</p>` : ''}
        ${this.renderReport()}
      </main>`;
  }

  private statusText(): string {
    if (this.running) return 'Reading the learner records…';
    const s = this.summary;
    if (!s?.ok) return '';
    return `Report made from ${s.statements} statements: ${s.learnerRecords} learner record${s.learnerRecords === 1 ? '' : 's'}, ${s.completed} completed.`;
  }

  private renderReport() {
    const s = this.summary;
    if (!s) return '';
    if (!s.ok) return html`<p class="muted">${s.reason}</p>`;
    return html`${
        s.notices.length
          ? html`<ul class="report-notices">
              ${s.notices.map((n) => html`<li>${n}</li>`)}
            </ul>`
          : ''
      }
      <nav aria-label="Report files">
        <ul class="report-files">
          ${s.files.map((f) => html`<li><a href=${`/api/report/${f}`} ?download=${f !== 'report.html'}>${f}</a></li>`)}
        </ul>
      </nav>
      <iframe class="report-frame" title="Item analysis report" sandbox="" src=${`/api/report/report.html?v=${this.version}`}></iframe>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-report': PreviewReport;
  }
}
