import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import * as api from '../../lib/api.js';
import type { Attempt, LaunchMode, LaunchView, PackageView } from '../../lib/api.js';
import { formatClock } from '../../lib/format.js';
import { IDLE_PANEL } from '../../lib/panel-view.js';
import { LrsSource } from '../../sources/lrs-source.js';
import type { PanelSource } from '../../sources/panel-source.js';
import { ScormSource } from '../../sources/scorm-source.js';
import { WebSource } from '../../sources/web-source.js';
import type { LaunchEvent, LaunchModeEvent } from '../events.js';
import { PreviewElement } from '../shared/preview-element.js';
import '../preview-panel/preview-panel.js';
import '../preview-toolbar/preview-toolbar.js';

const MESSAGE_MS = 6000;
const CLOSED = 'The course is closed. Relaunch to continue where the learner left off, or start a new attempt.';

/**
 * The player page (/play.html?pkg=<id>): the course as its LMS would show it,
 * with the LMS panel beside it. `attempt=new|resume` (from the launcher's
 * form) launches once; afterwards the address is just ?pkg=<id>, so a reload
 * reopens the current launch instead of starting another attempt.
 *
 * The player owns the launch and the course frame; the panel's source (one
 * per standard) watches the LMS, and the panel renders what it sees.
 */
@customElement('preview-player')
export class PreviewPlayer extends PreviewElement {
  @state() private pkg: PackageView | undefined;
  @state() private unknownPackage = false;
  @state() private launched: LaunchView | undefined;
  /** The course frame: open, kept but hidden (SCORM: its host page stays readable), or gone. */
  @state() private frame: 'open' | 'hidden' | 'none' = 'none';
  /** Every launch gets a new frame, even of the same attempt. */
  @state() private frameKey = 0;
  @state() private closedNote = '';
  @state() private info = '';
  @state() private message = '';
  @state() private mode: LaunchMode = 'Normal';
  @state() private busy = false;
  private source: PanelSource | undefined;
  private messageTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('preview-launch', this.handleLaunch);
    this.addEventListener('preview-close-course', this.handleClose);
    this.addEventListener('preview-reset-learner', this.handleReset);
    this.addEventListener('preview-launch-mode', this.handleMode);
    // Leaving the player closes the course as an LMS would, and saves what SCORM committed.
    window.addEventListener('pagehide', this.handlePageHide);
    this.start().catch((error: unknown) => this.say(`The course could not be launched: ${api.reason(error)}`));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.handlePageHide);
    clearTimeout(this.messageTimer);
  }

  private async start() {
    const params = new URLSearchParams(location.search);
    const packages = await api.listPackages();
    const pkg = packages.find((p) => p.id === params.get('pkg'));
    if (!pkg) {
      this.unknownPackage = true;
      return;
    }
    this.pkg = pkg;
    document.title = `${pkg.standard} · Preview LMS`;
    this.mode = pkg.launchModes?.find((m) => m === params.get('mode')) ?? 'Normal';
    this.source =
      pkg.id === 'scorm12' || pkg.id === 'scorm2004'
        ? new ScormSource(this, pkg)
        : pkg.id === 'web'
          ? new WebSource(this, pkg)
          : new LrsSource(this, pkg);

    const attempt = params.get('attempt');
    if (attempt === 'new' || attempt === 'resume') {
      history.replaceState(null, '', `/play.html?pkg=${encodeURIComponent(pkg.id)}`);
      await this.launch(attempt);
      return;
    }
    const current = await api.currentLaunch(pkg.id);
    if (current) await this.open(current);
    else await this.launch('resume');
  }

  private say(text: string) {
    this.message = text;
    clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => (this.message = ''), MESSAGE_MS);
  }

  /** Opens a launch in a fresh frame (the strict host page for SCORM, the course itself otherwise). */
  private async open(launch: LaunchView) {
    this.launched = launch;
    this.frameKey += 1;
    this.frame = 'open';
    this.closedNote = '';
    this.info = describe(launch);
    await this.updateComplete;
    const frame = this.querySelector<HTMLIFrameElement>('#course-frame');
    if (frame) this.source?.start(launch, frame);
  }

  /**
   * The LMS closes the course window: the course sees pagehide and ends or suspends its session.
   * With `beacon` (the page is going), nothing may be awaited before the source has sent its data.
   */
  private async closeCourse({ beacon = false } = {}) {
    if (this.frame !== 'open' || !this.pkg) return;
    this.frame = 'hidden';
    await this.source?.closeCourse({ beacon });
    // SCORM keeps the host page (its record stays readable); the course frame inside it is gone.
    if (this.pkg.id !== 'scorm12' && this.pkg.id !== 'scorm2004') this.frame = 'none';
    this.closedNote = CLOSED;
  }

  private async launch(attempt: Attempt) {
    if (!this.pkg) return;
    await this.closeCourse();
    if (this.pkg.id === 'web' && attempt === 'new' && this.pkg.storageKey) localStorage.removeItem(this.pkg.storageKey);
    await this.open(await api.launch(this.pkg.id, attempt, this.mode));
    this.say(attempt === 'new' ? 'A new attempt was launched.' : 'The course was relaunched: it resumes the saved attempt.');
  }

  private async reset() {
    const pkg = this.pkg;
    if (!pkg) return;
    await this.closeCourse();
    await api.resetLearner(pkg.id);
    if (pkg.storageKey) localStorage.removeItem(pkg.storageKey);
    this.source?.stop();
    this.frame = 'none';
    this.closedNote = `The learner was reset: nothing is kept for ${pkg.standard} any more. Start a new attempt to begin again.`;
    this.info = 'Not launched';
    this.say(`${pkg.standard}: the learner's attempt was forgotten.`);
  }

  /** One action at a time: the controls wait, and a failure is said, not thrown. */
  private async guard(action: () => Promise<void>) {
    this.busy = true;
    try {
      await action();
    } catch (error) {
      this.say(`That did not work: ${api.reason(error)}`);
    } finally {
      this.busy = false;
    }
  }

  private readonly handleLaunch = (event: LaunchEvent) => void this.guard(() => this.launch(event.attempt));
  private readonly handleClose = () => void this.guard(() => this.closeCourse());
  private readonly handleReset = () => void this.guard(() => this.reset());
  private readonly handleMode = (event: LaunchModeEvent) => (this.mode = event.mode);
  private readonly handlePageHide = () => void this.closeCourse({ beacon: true });

  override render() {
    const { pkg, launched } = this;
    const title = this.unknownPackage ? 'Unknown package' : (pkg?.standard ?? 'Preview LMS');
    return html`<a class="skip" href="#panel">Skip to the LMS panel</a>
      <header class="topbar">
        <a class="back" href="/">← Packages</a>
        <div class="launch-heading">
          <h1>${title}</h1>
          <p class="topbar-note">${this.info}</p>
        </div>
        <p class="topbar-message" role="status">${this.message}</p>
        <preview-toolbar
          .packageId=${pkg?.id}
          .launchModes=${pkg?.launchModes}
          .mode=${this.mode}
          ?busy=${this.busy || !pkg}
          ?courseOpen=${this.frame === 'open'}
        ></preview-toolbar>
      </header>
      <main class="stage">
        <section class="course-pane" aria-label="Course">
          ${
            pkg && launched && this.frame !== 'none'
              ? keyed(
                  this.frameKey,
                  html`<iframe
                    id="course-frame"
                    title="${pkg.standard} course: ${pkg.title}"
                    src=${launched.courseUrl}
                    ?hidden=${this.frame === 'hidden'}
                  ></iframe>`,
                )
              : nothing
          }
          ${
            this.unknownPackage
              ? html`<p class="closed-note">No such package. <a href="/">Back to the packages</a></p>`
              : this.closedNote && this.frame !== 'open'
                ? html`<p class="closed-note">${this.closedNote}</p>`
                : nothing
          }
        </section>
        <preview-panel .view=${this.source?.view ?? IDLE_PANEL}></preview-panel>
      </main>`;
  }
}

function describe(launch: LaunchView): string {
  const parts = [launch.attempt === 'new' ? 'New attempt' : 'Relaunch (resume)'];
  if (launch.launchMode) parts.push(`${launch.launchMode} mode`);
  parts.push(`started ${formatClock(launch.startedAt)}`);
  return parts.join(' · ');
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-player': PreviewPlayer;
  }
}
