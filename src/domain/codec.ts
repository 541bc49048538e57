/**
 * The resume state as one compact, versioned string. It must fit SCORM 1.2's
 * cmi.suspend_data (CMIString4096, RTE12 3.4.5) in the worst case, so learner
 * text is never JSON-escaped (a quote would double in size): the structure is
 * JSON, the written answers follow it length-prefixed, verbatim.
 *
 *   "1." <length of JSON> "." <JSON> ( ["~"] <answer key> "=" <length> ":" <text> )*
 *
 * A "~" before the key marks a draft (typed, not submitted). A question holds
 * either an answer or a draft, never both, and a case either a checked answer
 * (`a`) or an unchecked pick (`d`): drafts and picks leave the worst case as it was.
 *
 * Lengths count UTF-16 code units, as the SCORM character limits do.
 * Decoding never throws: corrupt, truncated or foreign state gives a reason,
 * and whatever refers to pages or questions the lesson no longer has is dropped,
 * so state from an older version of the course can never crash a newer one.
 */
import type { Lesson } from '../content/lesson.js';
import { activityCases, quizOf, rightOptions, writtenQuestions } from './lesson-queries.js';
import { initialProgress, type ProgressState, type QuizAttempt } from './progress.js';

export const CODEC_VERSION = 1;
const DRAFT = '~';

/** The JSON part, with short keys: every character counts in 4096. */
interface Packed {
  c: string; // course id
  l: string; // location
  v: string[]; // visited pages
  a: Record<string, string>; // activity choices
  d?: Record<string, string>; // activity picks not yet checked
  y?: Record<string, string>; // activity cases tried again: the option checked last
  k?: string[]; // activity cases whose best answer the learner asked to see
  q: {
    s?: number; // seed of the question order (absent: 0)
    i: number; // position in the attempt's order
    a: Record<string, string>; // answers in progress
    r: 0 | 1; // showing results
    n: number; // attempt count
    h: [Record<string, string>, number, number][]; // kept attempts: answers, correct, total
    b: number | null; // best score
    p: 0 | 1; // passed
  };
}

export function encodeProgress(courseId: string, state: ProgressState): string {
  const packed: Packed = {
    c: courseId,
    l: state.location,
    v: [...state.visited],
    a: { ...state.choices },
    ...(Object.keys(state.picks).length ? { d: { ...state.picks } } : {}),
    ...(Object.keys(state.retries).length ? { y: { ...state.retries } } : {}),
    ...(state.revealed.length ? { k: [...state.revealed] } : {}),
    q: {
      ...(state.quiz.seed ? { s: state.quiz.seed } : {}),
      i: state.quiz.index,
      a: { ...state.quiz.answers },
      r: state.quiz.showingResults ? 1 : 0,
      n: state.quiz.attemptCount,
      h: state.quiz.attempts.map((t) => [{ ...t.answers }, t.correct, t.total]),
      b: state.quiz.bestScore ?? null,
      p: state.quiz.passed ? 1 : 0,
    },
  };
  const json = JSON.stringify(packed);
  const text = (key: string, value: string) => `${key}=${value.length}:${value}`;
  const texts = [
    ...Object.entries(state.written).map(([key, value]) => text(key, value)),
    ...Object.entries(state.drafts).map(([key, value]) => text(`${DRAFT}${key}`, value)),
  ].join('');
  return `${CODEC_VERSION}.${json.length}.${json}${texts}`;
}

export type DecodeResult =
  | { readonly ok: true; readonly state: ProgressState }
  | { readonly ok: false; readonly reason: 'empty' | 'corrupt' | 'unknown-version' | 'other-course' };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const stringMap = (x: unknown): Record<string, string> =>
  isRecord(x) ? Object.fromEntries(Object.entries(x).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
const count = (x: unknown): number => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);

function readTexts(rest: string): Record<string, string> | undefined {
  const texts: Record<string, string> = {};
  let at = 0;
  while (at < rest.length) {
    const eq = rest.indexOf('=', at);
    const colon = rest.indexOf(':', eq + 1);
    if (eq < 0 || colon < 0) return undefined;
    const length = Number(rest.slice(eq + 1, colon));
    if (!Number.isInteger(length) || length < 0 || colon + 1 + length > rest.length) return undefined;
    texts[rest.slice(at, eq)] = rest.slice(colon + 1, colon + 1 + length);
    at = colon + 1 + length;
  }
  return texts;
}

export function decodeProgress(lesson: Lesson, encoded: string | undefined): DecodeResult {
  if (!encoded) return { ok: false, reason: 'empty' };
  const head = /^(\d+)\.(\d+)\./.exec(encoded);
  if (!head) return { ok: false, reason: 'corrupt' };
  if (Number(head[1]) !== CODEC_VERSION) return { ok: false, reason: 'unknown-version' };
  const start = head[0].length;
  const json = encoded.slice(start, start + Number(head[2]));
  let packed: unknown;
  try {
    packed = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const texts = readTexts(encoded.slice(start + Number(head[2])));
  if (!isRecord(packed) || !isRecord(packed.q) || texts === undefined) return { ok: false, reason: 'corrupt' };
  if (packed.c !== lesson.id) return { ok: false, reason: 'other-course' };
  return { ok: true, state: sanitize(lesson, packed, packed.q, texts) };
}

/** Keep only what the current lesson still has: ids of pages, cases, questions and options. */
function sanitize(
  lesson: Lesson,
  packed: Record<string, unknown>,
  q: Record<string, unknown>,
  texts: Record<string, string>,
): ProgressState {
  const fresh = initialProgress(lesson);
  const pageIds = new Set(lesson.pages.map((p) => p.id));
  const cases = new Map(activityCases(lesson).map(({ block, key }) => [key, new Set(block.options.map((o) => o.id))]));
  const writtenKeys = new Set(writtenQuestions(lesson).map(({ key }) => key));
  const quiz = quizOf(lesson);
  const quizOptions = new Map(quiz.questions.map((qq) => [qq.id, new Set(qq.options.map((o) => o.id))]));
  const validAnswers = (answers: Record<string, string>) =>
    Object.fromEntries(Object.entries(answers).filter(([qid, opt]) => quizOptions.get(qid)?.has(opt)));

  const visited = Array.isArray(packed.v) ? packed.v.filter((id): id is string => typeof id === 'string' && pageIds.has(id)) : [];
  const location = typeof packed.l === 'string' && pageIds.has(packed.l) ? packed.l : fresh.location;
  const choices = Object.fromEntries(Object.entries(stringMap(packed.a)).filter(([key, opt]) => cases.get(key)?.has(opt)));
  const written = Object.fromEntries(Object.entries(texts).filter(([key]) => writtenKeys.has(key)));
  const drafts = Object.fromEntries(
    Object.entries(texts).flatMap(([key, value]) => {
      const id = key.slice(DRAFT.length);
      return key.startsWith(DRAFT) && writtenKeys.has(id) && !(id in written) ? [[id, value]] : [];
    }),
  );
  // Tries again and revealed answers only count for a case answered first.
  const retries = Object.fromEntries(
    Object.entries(stringMap(packed.y)).filter(([key, opt]) => key in choices && cases.get(key)?.has(opt)),
  );
  const revealed = Array.isArray(packed.k) ? packed.k.filter((key): key is string => typeof key === 'string' && key in choices) : [];
  const right = new Map(activityCases(lesson).map(({ key, item }) => [key, rightOptions(item)]));
  const open = (key: string) =>
    !(key in choices) || (!right.get(key)?.includes(retries[key] ?? choices[key] ?? '') && !revealed.includes(key));
  const picks = Object.fromEntries(Object.entries(stringMap(packed.d)).filter(([key, opt]) => open(key) && cases.get(key)?.has(opt)));
  const attempts: QuizAttempt[] = (Array.isArray(q.h) ? q.h : [])
    .filter((h): h is [unknown, unknown, unknown] => Array.isArray(h) && h.length === 3)
    .map(([answers, correct, total]) => ({ answers: validAnswers(stringMap(answers)), correct: count(correct), total: count(total) }))
    .filter((t) => t.total > 0 && t.correct <= t.total);
  const best = typeof q.b === 'number' && q.b >= 0 && q.b <= 1 ? q.b : undefined;
  const attemptCount = Math.max(count(q.n), attempts.length);
  return {
    location,
    visited,
    choices,
    written,
    drafts,
    picks,
    retries,
    revealed: [...new Set(revealed)],
    quiz: {
      seed: count(q.s),
      index: Math.min(count(q.i), quiz.questions.length - 1),
      answers: validAnswers(stringMap(q.a)),
      showingResults: q.r === 1 && attempts.length > 0,
      attemptCount,
      attempts,
      bestScore: attemptCount > 0 ? best : undefined,
      passed: q.p === 1,
    },
  };
}
