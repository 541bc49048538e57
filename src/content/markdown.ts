/**
 * Build-time Markdown compiler: a small, safe subset of CommonMark
 * (paragraphs, bullet and numbered lists, strong, emphasis, code, links)
 * turned into the plain data tree of ./lesson.ts. Anything outside the subset,
 * raw HTML above all, is an author error reported with the offending construct,
 * so nothing unexpected ever reaches a learner's screen.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { PhrasingContent, RootContent } from 'mdast';
import type { Inline, RichBlock, RichLine, RichText } from './lesson.js';

export interface Source {
  readonly title: string;
  readonly url: string;
}

export type SourceMap = Readonly<Record<string, Source>>;

/** Thrown for an author mistake inside one Markdown string; `snippet` is the text at fault, to locate it. */
export class MarkdownError extends Error {
  constructor(
    message: string,
    readonly snippet?: string,
  ) {
    super(message);
  }
}

const SOURCE_PREFIX = 'source:';

function resolveLink(url: string, sources: SourceMap): { href: string; title: string } {
  if (url.startsWith(SOURCE_PREFIX)) {
    const id = url.slice(SOURCE_PREFIX.length);
    const source = sources[id];
    if (!source) {
      const known = Object.keys(sources).join(', ');
      throw new MarkdownError(`link to unknown source "${id}"; expected one of: ${known}`, url);
    }
    return { href: source.url, title: source.title };
  }
  // Only web links: a javascript: or data: URL in a course is never legitimate.
  if (!/^https:\/\//i.test(url)) {
    throw new MarkdownError(`link "${url}" is not allowed; expected an https:// URL or source:<id>`, url);
  }
  return { href: url, title: url };
}

/**
 * "… text. ([AWS Documentation](source:x))": a link to a source wrapped in brackets is a citation.
 * The brackets go (the marker draws its own), the space before it too, so the marker can hold on
 * to the word before it instead of wrapping alone onto a new line.
 */
function citations(nodes: readonly PhrasingContent[], sources: SourceMap): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    const before = out.at(-1);
    const after = nodes[i + 1];
    if (
      node?.type === 'link' &&
      node.url.startsWith(SOURCE_PREFIX) &&
      before?.t === 'text' &&
      /\($/.test(before.v) &&
      after?.type === 'text' &&
      after.value.startsWith(')')
    ) {
      const { href, title } = resolveLink(node.url, sources);
      out[out.length - 1] = { t: 'text', v: before.v.replace(/\s*\($/, '') };
      out.push({ t: 'cite', href, title, label: plainTextOf(node.children) });
      const rest = after.value.slice(1);
      if (rest) out.push({ t: 'text', v: rest });
      i += 1;
      continue;
    }
    if (node) out.push(...inline([node], sources));
  }
  return out.filter((n) => n.t !== 'text' || n.v !== '');
}

function plainTextOf(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainTextOf(n.children as PhrasingContent[]) : '')).join('');
}

function inline(nodes: readonly PhrasingContent[], sources: SourceMap): Inline[] {
  return nodes.map((node): Inline => {
    switch (node.type) {
      case 'text':
        return { t: 'text', v: node.value };
      case 'strong':
        return { t: 'strong', c: citations(node.children, sources) };
      case 'emphasis':
        return { t: 'em', c: inline(node.children, sources) };
      case 'inlineCode':
        return { t: 'code', v: node.value };
      case 'link':
        return { t: 'link', ...resolveLink(node.url, sources), c: inline(node.children, sources) };
      case 'break':
        return { t: 'text', v: ' ' };
      case 'html':
        throw new MarkdownError(
          `HTML is not allowed in lesson text (found ${JSON.stringify(node.value)}); write plain Markdown`,
          node.value,
        );
      default:
        throw new MarkdownError(
          `unsupported Markdown "${node.type}"; expected text, **strong**, *emphasis*, \`code\` or [links](source:id)`,
        );
    }
  });
}

function listItem(item: RootContent, sources: SourceMap): Inline[] {
  if (item.type !== 'listItem' || item.children.length !== 1 || item.children[0]?.type !== 'paragraph') {
    throw new MarkdownError('each list item must be one line of text (no nested lists or several paragraphs)');
  }
  return citations(item.children[0].children, sources);
}

function block(node: RootContent, sources: SourceMap): RichBlock {
  switch (node.type) {
    case 'paragraph':
      return { t: 'p', c: citations(node.children, sources) };
    case 'list': {
      const items = node.children.map((item) => listItem(item, sources));
      return node.ordered ? { t: 'ol', start: node.start ?? 1, items } : { t: 'ul', items };
    }
    case 'html':
      throw new MarkdownError(`HTML is not allowed in lesson text (found ${JSON.stringify(node.value)}); write plain Markdown`, node.value);
    default:
      throw new MarkdownError(
        `unsupported Markdown "${node.type}"; expected paragraphs and lists (titles come from the page's "title" field)`,
      );
  }
}

/** Paragraphs and lists. */
export function compileRichText(markdown: string, sources: SourceMap): RichText {
  return fromMarkdown(markdown).children.map((node) => block(node, sources));
}

/** A single line of inline Markdown (one paragraph). */
export function compileRichLine(markdown: string, sources: SourceMap): RichLine {
  const blocks = fromMarkdown(markdown).children;
  const [first] = blocks;
  if (blocks.length !== 1 || first?.type !== 'paragraph') {
    if (first?.type === 'html') block(first, sources); // reports the HTML error
    throw new MarkdownError('expected one line of text (no lists, headings or blank lines)');
  }
  return citations(first.children, sources);
}

export { plainText } from './rich-text-plain.js';
