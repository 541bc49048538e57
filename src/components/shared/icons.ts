/** Inline SVG icons drawn for the lesson (no icon font, nothing fetched): always next to words that say the same. */
import { svg } from 'lit';
import type { Card } from '../../content/lesson.js';

export const rightIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/></svg>`;
export const wrongIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"/></svg>`;

/**
 * Line drawings for cards and diagrams: crown (root), ID card (IAM user), a badge with a clock (IAM
 * role: access that is assumed and expires, never a long-term key), person, server, building.
 */
const CARD_PATHS: Record<NonNullable<Card['icon']>, string> = {
  root: 'M3 19h18M4 16 3 7l5 4 4-7 4 7 5-4-1 9z',
  user: 'M3 5h18v14H3zM9 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm-3 4c1-2 5-2 6 0m3-6h3m-3 4h3',
  role: 'M3 6h11v14H3zM6 10h5M6 13h5M6 16h3M22 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0zM18.5 6.5V8l1 1',
  person: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 10c0-4 4-6 8-6s8 2 8 6',
  server: 'M4 3h16v7H4zm0 11h16v7H4zm4-8h2m-2 11h2',
  building: 'M4 21V8l8-5 8 5v13zm5 0v-6h6v6',
};

export function cardIcon(name: Card['icon']) {
  return name
    ? svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round" d="${CARD_PATHS[name]}"></path></svg>`
    : null;
}
