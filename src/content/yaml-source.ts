/**
 * Build time only: one course file as the `yaml` library parses it, kept with
 * its source positions, so a problem found later (by the schema, on plain
 * data) can be pointed at the line and column of the offending value.
 */
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlFault extends Position {
  readonly message: string;
}

/**
 * What to do about a YAML syntax error, in words an author acts on. Keyed by
 * the `yaml` library's error codes; the parser's own words stay in brackets
 * for anyone who searches for them.
 */
function yamlHint(error: YAMLError): string {
  // A "[" or "{" starts a YAML list or map written inline: text that starts with one must be quoted.
  if (/^Flow (sequence|mapping)/.test(error.message))
    return 'a "[" or "{" opened here is not closed; to start text with one of them, put the whole text in quotes';
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab character indents this line; YAML indents with spaces only: replace the tab with spaces';
    case 'BAD_INDENT':
      return 'this line is not indented like the lines above it: the fields of one entry, and the "- " items of one list, must start in the same column';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line is indented further than the field above it (or a "name: value" line above it lacks its ": "); check the indentation';
    case 'DUPLICATE_KEY':
      return 'this field is written twice in the same entry; keep only one';
    case 'BAD_SCALAR_START':
      return 'text that starts with this character must be put in quotes';
    case 'MISSING_CHAR':
      return /Sequence item without - indicator/.test(error.message)
        ? 'this line does not line up with the lines above it: each field of a list item starts in the same column as the field after its "- ", and a new item starts with its own "- "'
        : 'a quote or bracket opened here is not closed';
    default:
      return 'check the indentation (spaces only, the same column for fields of one entry) and that every field is written "name: value"';
  }
}

export class YamlSource {
  readonly data: unknown;
  /** The first syntax error only: later ones are usually the same mistake seen again. */
  readonly fault: YamlFault | undefined;
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(private readonly text: string) {
    this.doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: this.lines, keepSourceTokens: false });
    const [first] = this.doc.errors;
    this.fault = first && {
      ...this.position(this.skipIndent(first.pos[0])),
      message: `not valid YAML: ${yamlHint(first)} (${first.message.split('\n')[0]})`,
    };
    this.data = first ? undefined : this.doc.toJS();
  }

  /**
   * Where the value at `path` starts; for a value that is missing, where the
   * entry that should hold it starts. With `unknownKey`, where that field name
   * is written; with `snippet`, where that text occurs inside the value (a tag,
   * a link), so the author is sent to the very character.
   */
  placeOf(path: readonly PropertyKey[], options: { unknownKey?: string; snippet?: string } = {}): Position {
    const keys = path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    for (let depth = keys.length; depth >= 0; depth -= 1) {
      const node: unknown = depth === 0 ? this.doc.contents : this.doc.getIn(keys.slice(0, depth), true);
      if (!isNode(node) || !node.range) continue;
      const [start, end] = node.range;
      if (depth === keys.length && options.unknownKey !== undefined && isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === options.unknownKey);
        if (pair && isScalar(pair.key) && pair.key.range) return this.position(pair.key.range[0]);
      }
      if (depth === keys.length && options.snippet) {
        const at = this.text.indexOf(options.snippet, start);
        if (at >= 0 && at < end) return this.position(at);
      }
      return this.position(start);
    }
    return { line: 1, column: 1 };
  }

  private position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** The parser reports some faults at the start of the line; the author's mistake is where its text begins. */
  private skipIndent(offset: number): number {
    let at = offset;
    while (this.text[at] === ' ') at += 1;
    return this.text[at] === '\n' || at >= this.text.length ? offset : at;
  }
}
