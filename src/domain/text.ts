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
