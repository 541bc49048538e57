import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PackageView } from '../../lib/api.js';
import { formatBytes, formatClock } from '../../lib/format.js';
import { ResetLearnerEvent } from '../events.js';
import { PreviewElement } from '../shared/preview-element.js';

/** What the preview holds for the learner of one package, in one line. */
export interface SavedAttempt {
  readonly summary: string;
  readonly at?: string;
}

/**
 * One built package on the launcher: what it is, what the preview holds for
 * the learner, and Launch / Relaunch / Reset. Launching is a plain GET form to
 * /play.html (pkg, mode, attempt), so it works by keyboard and in a new tab.
 *
 * @fires preview-reset-learner - the user asked to forget the learner's attempt
 */
@customElement('preview-package-card')
export class PreviewPackageCard extends PreviewElement {
  /** The package, as the server lists it. */
  @property({ attribute: false }) pkg: PackageView | undefined;
  /** The saved attempt, if any: Relaunch and Reset need one. */
  @property({ attribute: false }) saved: SavedAttempt | null = null;

  private handleReset() {
    if (this.pkg) this.dispatchEvent(new ResetLearnerEvent(this.pkg.id));
  }

  override render() {
    const { pkg, saved } = this;
    if (!pkg) return nothing;
    const headingId = `pkg-${pkg.id}-title`;
    const unpacked = `${formatBytes(pkg.unpackedBytes)} in ${pkg.files} files`;
    const size = pkg.zipBytes ? `${formatBytes(pkg.zipBytes)} zip · ${unpacked}` : unpacked;
    return html`<article aria-labelledby=${headingId}>
      <h2 id=${headingId}>${pkg.standard}</h2>
      <p class="card-title">${pkg.title}</p>
      <dl class="facts">
        <div>
          <dt>Version</dt>
          <dd>${pkg.version ?? '—'}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>${size}</dd>
        </div>
        <div>
          <dt>Built</dt>
          <dd>${formatClock(pkg.builtAt)}</dd>
        </div>
        <div>
          <dt>${pkg.zipFile ? 'File' : 'Folder'}</dt>
          <dd><code>${pkg.zipFile ?? 'dist/web/'}</code></dd>
        </div>
      </dl>
      <p class=${saved ? 'saved' : 'saved none'}>
        ${saved ? `${saved.summary}${saved.at ? ` (${formatClock(saved.at)})` : ''}` : 'No saved attempt.'}
      </p>
      <form class="actions" action="/play.html" method="get" aria-label="${pkg.standard} launch">
        <input type="hidden" name="pkg" value=${pkg.id} />
        ${
          pkg.launchModes
            ? html`<fieldset class="modes">
                <legend>Launch mode</legend>
                ${pkg.launchModes.map(
                  (mode) => html`<label><input type="radio" name="mode" value=${mode} ?checked=${mode === 'Normal'} /> ${mode}</label>`,
                )}
              </fieldset>`
            : nothing
        }
        <div class="buttons">
          <button type="submit" name="attempt" value="new" class="primary">Launch</button>
          <button type="submit" name="attempt" value="resume" ?disabled=${!saved}>Relaunch (resume)</button>
          <button type="button" class="danger" ?disabled=${!saved} @click=${this.handleReset}>Reset learner</button>
        </div>
      </form>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-package-card': PreviewPackageCard;
  }
}
