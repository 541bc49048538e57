import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LaunchMode, PackageId } from '../../lib/api.js';
import { CloseCourseEvent, LaunchEvent, LaunchModeEvent, ResetLearnerEvent } from '../events.js';
import { PreviewElement } from '../shared/preview-element.js';

/**
 * The player's launch controls: the launch mode (cmi5), Relaunch, New
 * attempt, Close course and Reset learner. It only says what was asked; the
 * player launches, closes and resets.
 *
 * @fires preview-launch - Relaunch (attempt "resume") or New attempt ("new")
 * @fires preview-close-course - Close course
 * @fires preview-reset-learner - Reset learner
 * @fires preview-launch-mode - another launch mode was chosen
 */
@customElement('preview-toolbar')
export class PreviewToolbar extends PreviewElement {
  /** The package the controls act on; until it is known, the buttons wait. */
  @property({ attribute: false }) packageId: PackageId | undefined;
  /** The modes the package may be launched in; none hides the choice. */
  @property({ attribute: false }) launchModes: readonly LaunchMode[] | undefined;
  @property() mode: LaunchMode = 'Normal';
  /** An action is under way: every button waits. */
  @property({ type: Boolean }) busy = false;
  /** A course is open (Close course has something to close). */
  @property({ type: Boolean }) courseOpen = false;

  private handleReset() {
    if (this.packageId) this.dispatchEvent(new ResetLearnerEvent(this.packageId));
  }

  private handleMode(event: Event) {
    const chosen = (event.target as HTMLSelectElement).value;
    const mode = this.launchModes?.find((m) => m === chosen);
    if (mode) this.dispatchEvent(new LaunchModeEvent(mode));
  }

  override render() {
    return html`<div class="toolbar" aria-label="Launch controls" role="group">
      ${
        this.launchModes
          ? html`<label class="mode-control"
              >Mode
              <select @change=${this.handleMode}>
                ${this.launchModes.map((m) => html`<option ?selected=${m === this.mode}>${m}</option>`)}
              </select>
            </label>`
          : nothing
      }
      <button type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new LaunchEvent('resume'))}>Relaunch (resume)</button>
      <button type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new LaunchEvent('new'))}>New attempt</button>
      <button type="button" ?disabled=${this.busy || !this.courseOpen} @click=${() => this.dispatchEvent(new CloseCourseEvent())}>
        Close course
      </button>
      <button type="button" class="danger" ?disabled=${this.busy} @click=${this.handleReset}>Reset learner</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-toolbar': PreviewToolbar;
  }
}
