/**
 * A panel source watches one standard's LMS for the player and keeps the
 * panel's view of it (lib/panel-view.ts). It is a Lit reactive controller:
 * the player renders `source.view`, and the source asks the player to render
 * again whenever what the LMS holds changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LaunchView } from '../lib/api.js';
import type { PanelView } from '../lib/panel-view.js';

/** How often the panel looks at the LMS, LRS or browser storage. */
export const POLL_MS = 500;

export abstract class PanelSource implements ReactiveController {
  view: PanelView;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    initial: PanelView,
  ) {
    this.view = initial;
    host.addController(this);
  }

  /** A launch opened in `frame`: watch it from the start. */
  abstract start(launch: LaunchView, frame: HTMLIFrameElement): void;

  /**
   * The LMS closes the course's window. With `beacon`, the page itself is going: whatever must
   * reach the server is sent before this returns (no await before it).
   */
  async closeCourse(_options: { readonly beacon: boolean }): Promise<void> {}

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }

  protected poll(tick: () => void): void {
    this.stop();
    this.timer = setInterval(tick, POLL_MS);
  }

  protected show(view: PanelView): void {
    this.view = view;
    this.host.requestUpdate();
  }
}
