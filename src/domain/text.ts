/**
 * Length-limited text for the learner's answers and SCORM/xAPI strings. Limits count UTF-16 code
 * units (see limits.ts); a cut must still leave whole characters, or the LMS
 * stores a broken surrogate half (shown as "�") or half an emoji sequence.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest prefix of `text` of at most `maxLength` UTF-16 code units that
 * ends on a grapheme boundary (never inside a surrogate pair, a combining
 * sequence or an emoji ZWJ sequence).
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > maxLength) break;
    end += segment.length;
  }
  return text.slice(0, end);
}

/** Punctuation a cut text must not end on: it promises something that was cut away. */
const DANGLING = /[\s:;,–—-]+$/u;

/**
 * `text` as an admin reads it in a report, in at most `maxLength` UTF-16 code
 * units: whole, when it fits; otherwise cut after the last whole sentence that
 * fits (if that keeps at least half of the room), else after the last whole
 * word, with "…" to show that something was left out. It never ends on a colon
 * or a comma that introduces nothing.
 */
export function shortenText(text: string, maxLength: number): string {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (whole.length <= maxLength && !DANGLING.test(whole)) return whole;
  if (whole.length <= maxLength) return `${whole.replace(DANGLING, '')}…`;
  const room = maxLength - 2; // a sentence keeps " …", a word "…"
  const head = truncateText(whole, room + 1);
  let sentenceEnd = -1;
  for (const match of head.slice(0, room).matchAll(/[.!?](?= )/g)) sentenceEnd = match.index;
  if (sentenceEnd + 1 >= maxLength / 2) return `${head.slice(0, sentenceEnd + 1)} …`;
  const wordEnd = head.lastIndexOf(' ');
  const cut = wordEnd > 0 ? head.slice(0, wordEnd) : truncateText(whole, room);
  return `${cut.replace(DANGLING, '')}…`;
}
