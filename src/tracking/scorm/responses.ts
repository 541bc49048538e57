/**
 * Learner responses, correct-response patterns, results and descriptions in
 * the form each SCORM version requires (STYLE rule 7: the domain states
 * facts as ids and text; only these functions know the wire formats).
 */
import type { InteractionChoice, InteractionKind, InteractionRecord } from '../../domain/interaction.js';
import { toLmsId } from './identifiers.js';
import { SCORM12, SCORM2004 } from './limits.js';
import { truncateText } from '../../domain/text.js';

type ResponseFacts = Pick<InteractionRecord, 'kind' | 'choices' | 'response'>;
type CorrectFacts = Pick<InteractionRecord, 'kind' | 'choices' | 'correct'>;

// SCORM 1.2 ---------------------------------------------------------------

export type Scorm12InteractionType = 'choice' | 'fill-in';
export type Scorm12Result = 'correct' | 'wrong' | 'neutral';

/**
 * SCORM 1.2 RTE 3.4 cmi.interactions.n.type. 1.2 has no `long-fill-in`, so
 * long written answers are reported as `fill-in` (and cut to 255, see below).
 */
export function scorm12InteractionType(kind: InteractionKind): Scorm12InteractionType {
  return kind === 'choice' ? 'choice' : 'fill-in';
}

/**
 * SCORM 1.2 RTE 3.4 cmi.interactions.n.student_response (CMIFeedback).
 *
 * - choice: one character per picked option, joined by `,` (e.g. `a,c`). The
 *   character is the option's position in the question's option list:
 *   1st → `a` … 26th → `z`, 27th → `0` … 36th → `9`. 1.2 cannot carry the
 *   option ids themselves; positions are stable because options are content.
 *   Sorted by position and de-duplicated, so click order never changes the value.
 * - fill-in / long-fill-in: the text as CMIString255, on one line (see
 *   `oneLine`), cut to 255 without splitting a character.
 *
 * @throws RangeError when a picked id is not an option or there are more than 36 options.
 */
export function scorm12Response(facts: ResponseFacts): string {
  if (facts.kind === 'choice') return scorm12ChoiceTokens(facts.choices, facts.response);
  return truncateText(oneLine(facts.response[0] ?? ''), SCORM12.string255);
}

/**
 * SCORM 1.2 RTE 3.4 cmi.interactions.n.correct_responses.n.pattern, in the
 * same positional form as the response: one pattern per right response (each
 * answers the question rightly on its own); none for written answers, which
 * have no single right text.
 */
export function scorm12CorrectPatterns(facts: CorrectFacts): string[] {
  if (facts.kind !== 'choice') return [];
  return facts.correct.map((id) => scorm12ChoiceTokens(facts.choices, [id]));
}

/** SCORM 1.2 RTE 3.4 cmi.interactions.n.result vocabulary; unjudged answers are `neutral`. */
export function scorm12Result(success: boolean | undefined): Scorm12Result {
  if (success === undefined) return 'neutral';
  return success ? 'correct' : 'wrong';
}

const CHOICE_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function scorm12ChoiceTokens(choices: readonly InteractionChoice[], ids: readonly string[]): string {
  if (choices.length > SCORM12.choiceOptions) {
    throw new RangeError(`SCORM 1.2 can report at most ${SCORM12.choiceOptions} options, got ${choices.length}`);
  }
  return optionPositions(choices, ids)
    .map((position) => CHOICE_CHARACTERS.charAt(position))
    .join(',');
}

// SCORM 2004 --------------------------------------------------------------

export type Scorm2004InteractionType = 'choice' | 'fill-in' | 'long-fill-in';
export type Scorm2004Result = 'correct' | 'incorrect' | 'neutral';

/** SCORM 2004 RTE 4.2.8 cmi.interactions.n.type: the domain kinds map one to one. */
export function scorm2004InteractionType(kind: InteractionKind): Scorm2004InteractionType {
  return kind;
}

/**
 * SCORM 2004 RTE 4.2.8 cmi.interactions.n.learner_response.
 *
 * - choice: the option ids as short identifiers joined by `[,]`, in option
 *   order, without duplicates, each as `toLmsId` maps it (e.g. `iam_role[,]root_user`); at most 36.
 * - fill-in: one item `{lang=xx}text` (see `localized`), at most 250
 *   characters in all. Inside fill-in `[,]` separates items, so a learner's
 *   literal `[,]` is written as `[ ,]`: a visible change that keeps the
 *   answer one item. SPEC NOTE: whether the 250 counts the `{lang=…}`
 *   delimiter is not spelled out; we count it, which is safe either way.
 * - long-fill-in: `{lang=xx}text`, at most 4000 characters in all; `[,]` is
 *   not a separator there and stays as typed.
 *
 * @param lang the lesson language as an RFC 3066 / BCP 47 tag.
 * @throws RangeError when a picked id is not an option or there are more than 36.
 */
export function scorm2004Response(facts: ResponseFacts, lang = 'en'): string {
  const text = facts.response[0] ?? '';
  switch (facts.kind) {
    case 'choice':
      return scorm2004ChoiceIds(facts.choices, facts.response);
    case 'fill-in':
      return localized(text.replaceAll('[,]', '[ ,]'), lang, SCORM2004.fillInItemLength);
    case 'long-fill-in':
      return localized(text, lang, SCORM2004.longFillInLength);
  }
}

/**
 * SCORM 2004 RTE 4.2.8 cmi.interactions.n.correct_responses.n.pattern for a
 * choice question, in the response's format: one pattern per right response
 * (a choice interaction may have up to 10); none for written answers.
 */
export function scorm2004CorrectPatterns(facts: CorrectFacts): string[] {
  if (facts.kind !== 'choice') return [];
  return facts.correct.map((id) => scorm2004ChoiceIds(facts.choices, [id]));
}

/** SCORM 2004 RTE 4.2.8 cmi.interactions.n.result vocabulary; unjudged answers are `neutral`. */
export function scorm2004Result(success: boolean | undefined): Scorm2004Result {
  if (success === undefined) return 'neutral';
  return success ? 'correct' : 'incorrect';
}

/**
 * SCORM 2004 RTE 4.2.8 cmi.interactions.n.description: localized_string_type,
 * SPM 250 (delimiter included, as for fill-in), cut on a character boundary.
 */
export function scorm2004Description(question: string, lang = 'en'): string {
  return localized(question, lang, SCORM2004.description);
}

function scorm2004ChoiceIds(choices: readonly InteractionChoice[], ids: readonly string[]): string {
  const positions = optionPositions(choices, ids);
  if (positions.length > SCORM2004.choiceItems) {
    throw new RangeError(`SCORM 2004 choice responses hold at most ${SCORM2004.choiceItems} ids`);
  }
  return positions.map((position) => toLmsId(choices[position]?.id ?? '')).join('[,]');
}

/**
 * RTE 4.1 localized_string_type: an explicit `{lang=xx}` delimiter, then the
 * text on one line. A text that itself begins with `{` gets a space in front,
 * so neither the spec's delimiter parsing nor LMSs that refuse a `{` there
 * (scorm-again) can mistake it for a second delimiter.
 */
function localized(text: string, lang: string, maxLength: number): string {
  const delimiter = `{lang=${lang}}`;
  const line = oneLine(text);
  return delimiter + truncateText(line.startsWith('{') ? ` ${line}` : line, maxLength - delimiter.length);
}

/**
 * Line breaks become spaces. SPEC NOTE: characterstring allows them, but
 * LMSs whose validators use `.` in regular expressions (scorm-again, the
 * runtime of several LMSs and of our test LMS) refuse any value containing
 * one, which would lose the whole answer.
 */
function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:(?:\r\n|[\r\n\u2028\u2029])[ \t]*)+/g, ' ');
}

// Shared ------------------------------------------------------------------

/** Positions of `ids` in the option list, ascending and unique. */
function optionPositions(choices: readonly InteractionChoice[], ids: readonly string[]): number[] {
  const positions = new Set<number>();
  for (const id of ids) {
    const position = choices.findIndex((choice) => choice.id === id);
    if (position === -1) throw new RangeError(`"${id}" is not one of the question's options`);
    positions.add(position);
  }
  return [...positions].sort((a, b) => a - b);
}
