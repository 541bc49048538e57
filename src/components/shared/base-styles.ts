/**
 * Styles every component shares. Colours come from the custom properties in
 * src/styles/theme.css (light, dark and forced-colors), so components never
 * hard-code a colour.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    color: var(--text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  p,
  ul,
  ol {
    margin: 0 0 var(--space-3);
    max-width: var(--measure);
  }
  li + li {
    margin-top: var(--space-1);
  }
  a {
    color: var(--link);
    text-underline-offset: 0.15em;
  }
  code {
    font-family: var(--font-mono);
    font-size: 0.95em;
  }
  /* Also on headings and feedback that receive focus: after a keyboard action the learner sees where it went. */
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--radius);
    border: 2px solid var(--accent);
    background: var(--accent);
    color: var(--on-accent);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--accent-text);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  fieldset {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--space-3);
    margin: 0 0 var(--space-4);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 var(--space-1);
  }
  .choice {
    display: flex;
    gap: var(--space-2);
    align-items: flex-start;
    padding: var(--space-2);
    border-radius: var(--radius);
    cursor: pointer;
  }
  .choice input {
    margin-top: 0.3em;
    width: 1.15rem;
    height: 1.15rem;
    flex: none;
    accent-color: var(--accent);
  }
  /* A locked choice keeps the learner's pick plain to see: disabled radios are faint. */
  .choice.chosen {
    box-shadow: inset 0 0 0 2px var(--border-strong);
    font-weight: 600;
  }
  .choice:has(:disabled) {
    cursor: default;
  }
  /* Cited pages open in a new tab: say so to the eye too (the name says it to screen readers). */
  a[target='_blank']::after {
    content: ' \2197' / '';
  }
  /* A citation: a small raised marker that stays on the line of the word before it. */
  .nowrap {
    white-space: nowrap;
  }
  a.cite {
    display: inline-block;
    margin-left: 0.25em;
    padding: 0 0.3em;
    font-size: 0.72em;
    line-height: 1.4;
    vertical-align: 0.35em;
    border: 1px solid currentColor;
    border-radius: 0.3em;
    text-decoration: none;
  }
  a.cite::after {
    content: '\2197' / '';
    margin-left: 0.1em;
  }
  /* A touch target of 24 px at least (WCAG 2.5.8) without making the marker loud. */
  a.cite {
    position: relative;
  }
  a.cite::before {
    content: '';
    position: absolute;
    inset: -0.45rem -0.2rem;
  }
  .feedback {
    border-left: 6px solid var(--border);
    padding: var(--space-2) var(--space-3);
    margin: var(--space-3) 0 0;
    background: var(--surface-2);
    border-radius: 0 var(--radius) var(--radius) 0;
  }
  .feedback.right {
    border-left-color: var(--success);
  }
  .feedback.wrong {
    border-left-color: var(--danger);
  }
  .verdict {
    font-weight: 700;
  }
  .verdict svg {
    width: 1.1em;
    height: 1.1em;
    vertical-align: -0.2em;
    margin-right: 0.3em;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }
  /* Forced colours keep system colours and paint a Canvas backplate behind text: an inverted button would lose its label. */
  @media (forced-colors: active) {
    button {
      background: ButtonFace;
      color: ButtonText;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
  @media print {
    button,
    .screen-only {
      display: none !important;
    }
    /* Paper cannot follow a link: print where it goes. */
    a[href^='http']:not(.cite)::after {
      content: ' (' attr(href) ')';
      overflow-wrap: anywhere;
    }
    /* Citations stay compact on paper too: the printed lesson ends with the list of its sources. */
    a.cite::after {
      content: '';
    }
    fieldset,
    .feedback {
      break-inside: avoid;
    }
    h2,
    h3,
    h4 {
      break-after: avoid;
    }
  }
`;

/** The heading of a lesson page and of the end screen: one size wherever the learner arrives. */
export const pageHeadingStyles = css`
  h2 {
    font-size: clamp(1.4rem, 1.1rem + 1.2vw, 1.9rem);
    line-height: 1.25;
    margin: 0 0 var(--space-4);
  }
`;

/** The frame of a drawn figure (the decision and the role flow): its spacing and its title. */
export const figureStyles = css`
  figure {
    margin: var(--space-4) 0;
  }
  h3 {
    font-size: 1.2rem;
    margin: 0 0 var(--space-3);
  }
`;
