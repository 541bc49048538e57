import { css, html, LitElement, nothing } from 'lit';
import { baseStyles } from '../shared/base-styles.js';

/**
 * A calm, non-blocking notice (connection state, resume problems). Announced
 * politely by screen readers; never steals focus.
 */
export class LessonNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .notice {
        padding: var(--space-2) var(--space-3);
        border-radius: var(--radius);
        border: 1px solid var(--border);
        background: var(--surface-2);
        margin: 0 0 var(--space-3);
      }
      .notice.warning {
        border-color: var(--warning);
        border-left-width: 6px;
      }
    `,
  ];

  static override properties = { message: {}, tone: {} };

  /** Text to show; empty shows nothing (the live region stays in place). */
  message = '';
  /** "info" or "warning". */
  tone: 'info' | 'warning' = 'info';

  override render() {
    return html`<div role="status" aria-live="polite">
      ${this.message ? html`<p class="notice ${this.tone}">${this.message}</p>` : nothing}
    </div>`;
  }
}

customElements.define('lesson-notice', LessonNotice);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-notice': LessonNotice;
  }
}
