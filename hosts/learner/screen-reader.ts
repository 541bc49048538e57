/**
 * A screen reader's view of the lesson, for journeys that use only what a screen reader announces.
 * It reads Chromium's own accessibility tree (the platform tree NVDA, JAWS and VoiceOver read,
 * through the DevTools protocol's Accessibility domain): the flattened tree, so content inside the
 * lesson's shadow roots is read as a screen reader reads it. Like a screen reader user, a journey
 * finds a control by what is announced (its role and name), moves focus there and presses the keys
 * a screen reader user presses; it then hears the newly focused control and what live regions say.
 *
 * Why not @guidepup/virtual-screen-reader: its accessibility tree (0.33) follows light-DOM children
 * only, so it reads nothing inside shadow roots, where every part of this lesson lives.
 */
import type { CDPSession, Frame, Page } from '@playwright/test';

interface AXValue {
  readonly value?: unknown;
}
interface AXNode {
  readonly nodeId: string;
  readonly ignored: boolean;
  readonly role?: AXValue;
  readonly name?: AXValue;
  readonly properties?: readonly { readonly name: string; readonly value: AXValue }[];
  readonly childIds?: readonly string[];
  readonly backendDOMNodeId?: number;
}

/** One thing the screen reader reads in browse mode: its role, its name and its states, as spoken. */
export interface Spoken {
  readonly role: string;
  readonly name: string;
  readonly states: readonly string[];
  /** "heading level 2, Quiz 5.6", "radio button, checked, B. …". */
  readonly phrase: string;
  readonly backendNodeId: number | undefined;
}

/** Roles read as one item with their name (their inner text is not read again). */
const NAMED = new Set([
  'heading',
  'link',
  'button',
  'radio',
  'checkbox',
  'textbox',
  'progressbar',
  'image',
  'img',
  'combobox',
  'DisclosureTriangle',
]);
const SPOKEN_ROLE: Readonly<Record<string, string>> = {
  radio: 'radio button',
  textbox: 'edit',
  img: 'graphic',
  image: 'graphic',
  DisclosureTriangle: 'disclosure',
};

/** Whitespace as read (no-break spaces stay: the lesson keeps "80 %" together with one). */
const text = (v: AXValue | undefined) => (typeof v?.value === 'string' ? v.value.replace(/[ \t\r\n]+/g, ' ').trim() : '');
const prop = (n: AXNode, name: string) => n.properties?.find((p) => p.name === name)?.value.value;

export class ScreenReader {
  /** Live-region text already heard, so each announcement is heard once. */
  private heard = new Map<string, string>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
    private readonly frameId: string | undefined,
  ) {}

  /** Starts reading `target`: a page, or the frame an LMS shows the course in. */
  static async start(target: Page | Frame): Promise<ScreenReader> {
    const page = 'page' in target ? target.page() : target;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    await cdp.send('DOM.enable');
    let frameId: string | undefined;
    if ('page' in target && target !== page.mainFrame()) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      // The protocol gives a frame's URL without its fragment.
      const url = target.url().replace(/#.*$/, '');
      const find = (t: typeof frameTree): string | undefined =>
        t.frame.url === url ? t.frame.id : (t.childFrames ?? []).map(find).find((id) => id !== undefined);
      frameId = find(frameTree);
      if (!frameId) throw new Error(`no frame at ${target.url()}`);
    }
    const reader = new ScreenReader(cdp, page, frameId);
    await reader.announcements(); // what is already on screen is not "announced" by a later action
    return reader;
  }

  /** Everything in reading order, as browse mode reads it. */
  async read(): Promise<Spoken[]> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree', this.frameId ? { frameId: this.frameId } : {})) as {
      nodes: AXNode[];
    };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const out: Spoken[] = [];
    const walk = (node: AXNode | undefined) => {
      if (!node) return;
      const role = text(node.role);
      if (!node.ignored && role !== 'none' && role !== 'InlineTextBox') {
        if (NAMED.has(role)) {
          out.push(this.spoken(node, role));
          return;
        }
        if (role === 'StaticText' && text(node.name)) {
          out.push(this.spoken(node, 'text'));
          return;
        }
      }
      for (const id of node.childIds ?? []) walk(byId.get(id));
    };
    walk(nodes[0]);
    return out;
  }

  /** The item announced with this role and a name matching `name`; fails if the screen reader does not announce one. */
  async find(role: string, name: string | RegExp): Promise<Spoken> {
    const match = (await this.read()).find((s) => s.role === role && (typeof name === 'string' ? s.name === name : name.test(s.name)));
    if (!match) throw new Error(`the screen reader announces no ${role} named ${String(name)}`);
    return match;
  }

  /** Whether the screen reader announces text (or a name) matching `pattern` anywhere. */
  async says(pattern: string | RegExp): Promise<boolean> {
    return (await this.read()).some((s) => (typeof pattern === 'string' ? s.phrase.includes(pattern) : pattern.test(s.phrase)));
  }

  /** Moves focus to an announced control and presses `key` there (Space checks a radio, Enter follows a link or presses a button). */
  async press(item: Spoken, key: 'Enter' | ' ' = item.role === 'radio' ? ' ' : 'Enter'): Promise<void> {
    if (item.backendNodeId === undefined) throw new Error(`${item.phrase} cannot take focus`);
    await this.cdp.send('DOM.focus', { backendNodeId: item.backendNodeId });
    await this.page.keyboard.press(key === ' ' ? 'Space' : key);
  }

  /** What the screen reader says for the control that has focus now. */
  async focused(): Promise<string> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree', this.frameId ? { frameId: this.frameId } : {})) as {
      nodes: AXNode[];
    };
    // The document itself is "focused" too while it has focus: the control is the innermost one.
    const node = nodes.filter((n) => !n.ignored && prop(n, 'focused') === true && text(n.role) !== 'RootWebArea').at(-1);
    return node ? this.spoken(node, text(node.role)).phrase : '';
  }

  /**
   * What live regions (status, alert, aria-live) say that was not heard before: a screen reader
   * announces these without the learner moving there.
   */
  async announcements(): Promise<string[]> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree', this.frameId ? { frameId: this.frameId } : {})) as {
      nodes: AXNode[];
    };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (n: AXNode | undefined): string =>
      !n || n.ignored
        ? ''
        : text(n.role) === 'StaticText'
          ? text(n.name)
          : (n.childIds ?? [])
              .map((id) => textOf(byId.get(id)))
              .filter(Boolean)
              .join(' ');
    const said: string[] = [];
    for (const n of nodes) {
      const live = prop(n, 'live');
      const role = text(n.role);
      if (n.ignored || !(role === 'status' || role === 'alert' || live === 'polite' || live === 'assertive')) continue;
      const now = textOf(n);
      if (now && this.heard.get(n.nodeId) !== now) said.push(now);
      this.heard.set(n.nodeId, now);
    }
    return said;
  }

  async stop(): Promise<void> {
    await this.cdp.detach();
  }

  private spoken(node: AXNode, role: string): Spoken {
    const name = text(node.name);
    const states: string[] = [];
    if (role === 'heading') states.push(`level ${String(prop(node, 'level') ?? '')}`);
    const checked = prop(node, 'checked');
    if (role === 'radio' || role === 'checkbox') states.push(checked === 'true' ? 'checked' : 'not checked');
    if (prop(node, 'disabled') === true) states.push('unavailable');
    if (prop(node, 'expanded') !== undefined) states.push(prop(node, 'expanded') === true ? 'expanded' : 'collapsed');
    const spokenRole = role === 'text' ? '' : (SPOKEN_ROLE[role] ?? role);
    const head = [spokenRole, ...states].filter(Boolean).join(' ');
    return { role, name, states, phrase: head ? `${head}, ${name}` : name, backendNodeId: node.backendDOMNodeId };
  }
}
