import { LitElement } from 'lit';

/**
 * The preview's elements render into the page itself, not a shadow root:
 * the pages share one stylesheet (preview.css: buttons, badges, the grid
 * of facts appear in every element), the accessible names cross element
 * boundaries (the package list is named by the page's heading, each panel
 * region by its heading) and the tests' axe run leaves out the course frame
 * by its id. The elements themselves take no box (`display: contents`), so
 * the layout is that of the markup they render.
 */
export class PreviewElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
