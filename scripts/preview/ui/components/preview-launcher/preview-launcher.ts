import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { listPackages, reason, resetLearner, type PackageView } from '../../lib/api.js';
import { parseSaved } from '../../lib/web-progress.js';
import type { ResetLearnerEvent } from '../events.js';
import { PreviewElement } from '../shared/preview-element.js';
import type { SavedAttempt } from '../preview-package-card/preview-package-card.js';
import '../preview-package-card/preview-package-card.js';

/**
 * The launcher page (/): one card per built package, with what the preview
 * holds for the learner. It lists the packages, and resets a learner when a
 * card asks.
 */
@customElement('preview-launcher')
export class PreviewLauncher extends PreviewElement {
  @state() private packages: readonly PackageView[] | undefined;
  @state() private loadError = '';
  @state() private message = '';

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('preview-reset-learner', this.handleReset);
    this.load().catch((error: unknown) => (this.loadError = reason(error)));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('preview-reset-learner', this.handleReset);
  }

  private async load() {
    this.packages = await listPackages();
  }

  /** The standalone build keeps progress in this browser only: the page can see it, the server cannot. */
  private savedOf(pkg: PackageView): SavedAttempt | null {
    if (pkg.id !== 'web') return pkg.saved;
    const raw = pkg.storageKey ? localStorage.getItem(pkg.storageKey) : null;
    if (!raw) return null;
    const { location } = parseSaved(raw);
    return { summary: `Saved in this browser${location ? `, at ${location}` : ''}` };
  }

  private readonly handleReset = async (event: ResetLearnerEvent) => {
    const pkg = this.packages?.find((p) => p.id === event.packageId);
    if (!pkg) return;
    try {
      await resetLearner(pkg.id);
      if (pkg.storageKey) localStorage.removeItem(pkg.storageKey);
      this.message = `${pkg.standard}: the learner's attempt was forgotten.`;
      await this.load();
      await this.updateComplete;
      // Reset is disabled now: put the keyboard back on that card, on its first button.
      this.querySelector<HTMLButtonElement>(`.card-${pkg.id} button`)?.focus();
    } catch (error) {
      this.message = `${pkg.standard}: reset failed (${reason(error)}).`;
    }
  };

  override render() {
    const title = this.packages?.[0]?.title ?? 'Built packages';
    return html`<a class="skip" href="#main">Skip to the packages</a>
      <header class="topbar">
        <p class="brand">Preview LMS</p>
        <p class="topbar-note">A strict local LMS and LRS on this machine: nothing is sent anywhere else.</p>
        <a class="back nav-link" href="/report.html">Report</a>
      </header>
      <main id="main" tabindex="-1">
        <h1 id="course-title">${title}</h1>
        <p class="intro">
          <strong>Launch</strong> starts a new attempt; <strong>Relaunch</strong> continues the saved one, as an LMS does when the learner
          comes back; <strong>Reset learner</strong> forgets this learner's attempt, statements and state for that package.
        </p>
        <p class="message" role="status">${this.message}</p>
        <ul class="packages" aria-labelledby="course-title">
          ${this.renderItems()}
        </ul>
      </main>`;
  }

  private renderItems() {
    if (this.loadError) return html`<li class="bad-text">The packages could not be listed: ${this.loadError}</li>`;
    if (!this.packages) return html`<li class="muted">Loading the packages…</li>`;
    return repeat(
      this.packages,
      (pkg) => pkg.id,
      (pkg) =>
        html`<li class="card card-${pkg.id}"><preview-package-card .pkg=${pkg} .saved=${this.savedOf(pkg)}></preview-package-card></li>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-launcher': PreviewLauncher;
  }
}
