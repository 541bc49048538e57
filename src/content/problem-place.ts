/**
 * Names a place in a course file the way an author finds it: "question 3 (q3),
 * option 2 (b), text" rather than the zero-based `blocks[0].questions[2].options[1].text`.
 */

/** What one item of a list is called, by the name of the list. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  blocks: 'block',
  questions: 'question',
  options: 'option',
  cases: 'case',
  rows: 'row',
  columns: 'column',
  items: 'item',
  pages: 'page',
  feedback: 'feedback',
  branches: 'branch',
  steps: 'step',
  summary: 'summary point',
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function childOf(value: unknown, key: PropertyKey): unknown {
  if (Array.isArray(value) && typeof key === 'number') return value[key];
  if (isRecord(value) && typeof key === 'string') return value[key];
  return undefined;
}

function itemLabel(list: string, index: number, item: unknown): string {
  const name = ITEM_NAMES[list] ?? `${list} item`;
  const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
  const kind = isRecord(item) && typeof item.kind === 'string' ? item.kind : undefined;
  const tag = list === 'blocks' ? [kind, id].filter(Boolean).join(' ') : id;
  return `${name} ${index + 1}${tag ? ` (${tag})` : ''}`;
}

/**
 * "question 3 (q3), stem" for `blocks[0].questions[2].stem` of `data`. A block is
 * named only when nothing inside it is (a quiz's question says enough);
 * field names after the last numbered item are kept, joined with dots.
 */
export function describePlace(path: readonly PropertyKey[], data: unknown): string {
  const labels: { text: string; isBlock: boolean }[] = [];
  let fields: string[] = [];
  let value = data;
  path.forEach((key, i) => {
    const child = childOf(value, key);
    const list = path[i - 1];
    if (typeof key === 'number' && typeof list === 'string') {
      fields = [];
      labels.push({ text: itemLabel(list, key, child), isBlock: list === 'blocks' });
    } else {
      fields.push(String(key));
    }
    value = child;
  });
  const named = labels.filter((label, i) => !label.isBlock || i === labels.length - 1).map((label) => label.text);
  return [...named, ...(fields.length ? [fields.join('.')] : [])].join(', ');
}

/** The value at `path`, to say what was found where something else was expected. */
export function valueAt(path: readonly PropertyKey[], data: unknown): unknown {
  return path.reduce<unknown>((value, key) => childOf(value, key), data);
}

/** "text", "a number", … for zod's expected type names. */
export function typeInWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list of "- " items',
    object: 'fields written "name: value"',
  };
  return words[expected] ?? expected;
}

/** How a found value reads in a message: `a number (42)`, `a list`, … */
export function valueInWords(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'fields written "name: value"';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}
