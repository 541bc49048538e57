/**
 * Browser entry of the strict host bundle (hosts/.dist/host.js).
 * The host page sets `window.__lmsConfig` first; this installs the API on
 * the host window before the course's iframe starts looking for it.
 */
import { CONFIG_GLOBAL, parseHostConfig } from './host-config.js';
import { createStrictHost, installStrictHost, type StrictHost } from './strict-scorm.js';

const host = createStrictHost(parseHostConfig(Reflect.get(window, CONFIG_GLOBAL)));
installStrictHost(window, host);
watchCourseWindows(host);

/**
 * Tells the host when a course window below this page is being closed, and since when: the event's
 * own time. Listeners added from here may run after the course's own `pagehide` handler (Chrome runs
 * them in the order they were added), so the host counts every call from that time on as made while
 * closing, those of the course's handler included.
 */
function watchCourseWindows(lms: StrictHost): void {
  const watch = (frame: HTMLIFrameElement) => {
    // On each loaded course page (not the frame's first, empty document, which is replaced unloaded).
    const attach = () => {
      const win = frame.contentWindow;
      if (!win || win.location.href === 'about:blank') return;
      const closing = (event: Event) => lms.courseWindowClosing(win.performance.timeOrigin + event.timeStamp);
      win.addEventListener('pagehide', closing, { capture: true });
      win.addEventListener('unload', closing, { capture: true });
    };
    frame.addEventListener('load', attach);
    if (frame.contentDocument?.readyState === 'complete') attach();
  };
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('iframe').forEach(watch));
}
