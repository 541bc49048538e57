import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { decodeProgress, encodeProgress } from '../../src/domain/codec.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import * as progress from '../../src/domain/progress.js';
import type { ProgressState } from '../../src/domain/progress.js';
import { retakeQuiz, takeQuiz, visitAllPages } from './helpers/learner.js';
import { loadRealCourse } from './helpers/real-course.js';

/** SCORM 1.2 RTE 3.4.5: cmi.suspend_data is CMIString4096. */
const SCORM12_SUSPEND_DATA = 4096;

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

function roundTrip(state: ProgressState): ProgressState | undefined {
  const decoded = decodeProgress(lesson, encodeProgress(lesson.id, state));
  return decoded.ok ? decoded.state : undefined;
}

/** A learner half-way through a second quiz attempt, with some of everything. */
function richState(): ProgressState {
  let state = ['outcomes', 'overview', 'root-user', 'micro-activity-1', 'micro-activity-2', 'quiz'].reduce(
    progress.visit,
    progress.initialProgress(lesson),
  );
  state = progress.answerCase(state, 'identity-patterns.case-1', 'root-user');
  state = progress.answerCase(state, 'identity-patterns.case-4', 'iam-role');
  state = progress.submitWritten(state, 'explain-identities.why-roles', 'They expire, so a leak hurts less.', 250);
  state = progress.submitWritten(state, 'reflection-questions.memory-rule', 'root = rare\nuser = named\nrole = temporary', 250);
  state = takeQuiz(lesson, state, 5);
  state = retakeQuiz(lesson, state, 3);
  state = progress.retakeQuiz(state);
  state = progress.chooseQuizOption(state, 'q1', 'b');
  state = progress.chooseQuizOption(state, 'q2', 'a');
  return progress.goToQuestion(state, 2);
}

describe('encodeProgress / decodeProgress', () => {
  it('round-trips a rich state exactly', () => {
    const state = richState();

    expect(roundTrip(state)).toEqual(state);
  });

  it('round-trips a fresh state', () => {
    const state = progress.initialProgress(lesson);

    expect(roundTrip(state)).toEqual(state);
  });

  it('round-trips learner text containing quotes, =, :, digits, line breaks, emoji and the codec’s own delimiters', () => {
    const texts = [
      'He said "use a role", not \'root\'. back\\slash {braces} [brackets]',
      'a=1:b=2 and 3:4=5',
      '12:34',
      '0',
      'line one\nline two\n\nline four',
      '😀 👩‍💻 🇪🇺 e\u0301',
      '1.52.{"c":"iam-access-patterns-5-6","l":"quiz"}',
      'explain-identities.root-vs-admin=9:injected=',
    ];
    const keys = writtenQuestions(lesson).map((w) => w.key);
    const state = keys.reduce(
      (s, key, i) => progress.submitWritten(s, key, texts[i] ?? '', lesson.settings.writtenAnswerMaxLength),
      progress.initialProgress(lesson),
    );

    const decoded = roundTrip(state);

    expect(Object.values(state.written)).toEqual(texts);
    expect(decoded?.written).toEqual(state.written);
  });
});

describe('drafts: typed answers and picked options not yet submitted', () => {
  it('round-trips drafts and unchecked picks next to submitted answers', () => {
    const max = lesson.settings.writtenAnswerMaxLength;
    const [first, second] = writtenQuestions(lesson);
    const [caseA, caseB] = activityCases(lesson);
    if (!first || !second || !caseA || !caseB) throw new Error('the lesson needs two written questions and two cases');
    let state = progress.submitWritten(richState(), first.key, 'Submitted.', max);
    state = progress.saveDraft(state, second.key, 'Half a thought,\n  "quoted" ~key=3:x', max);
    state = progress.pickCase(state, caseB.key, caseB.block.options[1]?.id ?? '');

    const decoded = roundTrip(state);

    expect(decoded).toEqual(state);
    expect(decoded?.drafts).toEqual({ [second.key]: 'Half a thought,\n  "quoted" ~key=3:x' });
    expect(decoded?.picks).toEqual({ [caseB.key]: caseB.block.options[1]?.id });
  });

  it('drops a draft once its answer is submitted and a pick once it is checked', () => {
    const max = lesson.settings.writtenAnswerMaxLength;
    const [question] = writtenQuestions(lesson);
    const [item] = activityCases(lesson);
    if (!question || !item) throw new Error('the lesson needs a written question and a case');
    let state = progress.saveDraft(progress.initialProgress(lesson), question.key, 'draft', max);
    state = progress.pickCase(state, item.key, item.item.correct);
    state = progress.submitWritten(state, question.key, 'final', max);
    state = progress.answerCase(state, item.key, item.item.correct);

    expect(state.drafts).toEqual({});
    expect(state.picks).toEqual({});
    expect(roundTrip(state)).toEqual(state);
  });

  it('ignores drafts and picks for questions already answered or unknown to the lesson', () => {
    const [question] = writtenQuestions(lesson);
    const [item] = activityCases(lesson);
    if (!question || !item) throw new Error('the lesson needs a written question and a case');
    const state = progress.answerCase(
      progress.submitWritten(progress.initialProgress(lesson), question.key, 'final', 250),
      item.key,
      'iam-role',
    );
    const json = encodeProgress(lesson.id, state).replace(/^1\.\d+\./, '');
    const end = json.indexOf('}}') + 2;
    const packed = JSON.parse(json.slice(0, end)) as Record<string, unknown>;
    packed.d = { [item.key]: 'root-user', 'gone.case': 'x' };
    const body = JSON.stringify(packed);
    const encoded = `1.${body.length}.${body}${json.slice(end)}~${question.key}=5:draft~gone.q=1:x`;

    const decoded = decodeProgress(lesson, encoded);

    expect(decoded.ok && decoded.state.drafts).toEqual({});
    expect(decoded.ok && decoded.state.picks).toEqual({});
    expect(decoded.ok && decoded.state.written[question.key]).toBe('final');
  });
});

describe('decodeProgress of state it cannot use', () => {
  it('reports nothing saved as empty', () => {
    expect(decodeProgress(lesson, undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(decodeProgress(lesson, '')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['free text', 'hello world'],
    ['JSON without the header', '{"c":"iam-access-patterns-5-6"}'],
    ['a header only', '1.10.'],
    ['a JSON array', '1.2.[]'],
    ['JSON null', '1.4.null'],
    ['a length beyond the text', '1.999999.{}'],
    ['a huge length', '1.99999999999999999999999.{}'],
    ['a broken written-answer record', `1.2.{}x=abc:def`],
  ])('reports %s as corrupt without throwing', (_name, encoded) => {
    expect(decodeProgress(lesson, encoded)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('reports a string cut anywhere inside its JSON or its last written answer as corrupt', () => {
    const encoded = encodeProgress(lesson.id, richState());
    const lastAnswer = 'root = rare\nuser = named\nrole = temporary';
    const [header, jsonLength] = /^\d+\.(\d+)\./.exec(encoded) ?? ['', '0'];
    const jsonEnd = header.length + Number(jsonLength);
    const cuts = [
      ...Array(jsonEnd).keys(),
      ...Array.from({ length: lastAnswer.length - 1 }, (_, i) => encoded.length - lastAnswer.length + 1 + i),
    ];

    const results = cuts.map((cut) => decodeProgress(lesson, encoded.slice(0, cut)));

    expect(encoded.endsWith(lastAnswer)).toBe(true);
    for (const result of results) expect(result.ok).toBe(false);
  });

  it('reports a state written by an unknown codec version', () => {
    const encoded = encodeProgress(lesson.id, richState()).replace(/^1\./, '2.');

    expect(decodeProgress(lesson, encoded)).toEqual({ ok: false, reason: 'unknown-version' });
  });

  it('reports another course’s state', () => {
    const encoded = encodeProgress('iam-policies-5-7', richState());

    expect(decodeProgress(lesson, encoded)).toEqual({ ok: false, reason: 'other-course' });
  });
});

describe('decodeProgress of state from an older version of the course', () => {
  function encodeRaw(packed: unknown, texts = ''): string {
    const json = JSON.stringify(packed);
    return `1.${json.length}.${json}${texts}`;
  }

  const old = {
    c: 'iam-access-patterns-5-6',
    l: 'iam-groups',
    v: ['outcomes', 'iam-groups', 'root-user', 42],
    a: {
      'identity-patterns.case-1': 'root-user',
      'identity-patterns.case-9': 'iam-role',
      'identity-patterns.case-2': 'iam-group',
      'old-activity.x': 'a',
    },
    q: {
      i: 7,
      a: { q1: 'b', q6: 'a', q2: 'z' },
      r: 0,
      n: 3,
      h: [[{ q1: 'b', q6: 'a', q3: 'e' }, 5, 6], 'junk', [{ q1: 'a' }, 9, 5]],
      b: 0.8333,
      p: 1,
    },
  };
  const oldTexts = 'explain-identities.why-roles=5:roles' + 'reflection-questions.removed=4:gone';

  it('decodes instead of failing', () => {
    expect(decodeProgress(lesson, encodeRaw(old, oldTexts)).ok).toBe(true);
  });

  it('keeps only pages the lesson still has, and starts at the first page when the saved one is gone', () => {
    const decoded = decodeProgress(lesson, encodeRaw(old, oldTexts));

    expect(decoded.ok && decoded.state.visited).toEqual(['outcomes', 'root-user']);
    expect(decoded.ok && decoded.state.location).toBe('outcomes');
  });

  it('keeps only activity answers to cases and options the lesson still has', () => {
    const decoded = decodeProgress(lesson, encodeRaw(old, oldTexts));

    expect(decoded.ok && decoded.state.choices).toEqual({ 'identity-patterns.case-1': 'root-user' });
    expect(decoded.ok && decoded.state.written).toEqual({ 'explain-identities.why-roles': 'roles' });
  });

  it('keeps only quiz answers to questions and options the lesson still has, on a question that exists', () => {
    const decoded = decodeProgress(lesson, encodeRaw(old, oldTexts));

    expect(decoded.ok && decoded.state.quiz.answers).toEqual({ q1: 'b' });
    expect(decoded.ok && decoded.state.quiz.index).toBe(quizOf(lesson).questions.length - 1);
  });

  it('drops impossible attempts but keeps the learner’s pass, best score and attempt count', () => {
    const decoded = decodeProgress(lesson, encodeRaw(old, oldTexts));

    expect(decoded.ok && decoded.state.quiz).toMatchObject({
      attempts: [{ answers: { q1: 'b' }, correct: 5, total: 6 }],
      attemptCount: 3,
      bestScore: 0.8333,
      passed: true,
    });
  });

  it('treats fields of the wrong type as absent', () => {
    const decoded = decodeProgress(
      lesson,
      encodeRaw({ c: lesson.id, l: 3, v: 'outcomes', a: [1, 2], q: { i: -1, a: 'x', r: 'yes', n: 'two', h: {}, b: 7, p: true } }),
    );

    expect(decoded).toEqual({ ok: true, state: progress.initialProgress(lesson) });
  });
});

describe('worst case for SCORM 1.2 cmi.suspend_data (CMIString4096)', () => {
  /**
   * Everything a learner can leave behind: every page visited, every case
   * answered with its longest option id, every written answer of `answer`,
   * the maximum of kept quiz attempts, and a retake in progress.
   */
  function worstState(answer: string): ProgressState {
    let state = visitAllPages(lesson, progress.initialProgress(lesson));
    for (const { block, key } of activityCases(lesson)) {
      const longest = block.options.reduce((a, b) => (b.id.length > a.id.length ? b : a));
      state = progress.answerCase(state, key, longest.id);
    }
    for (const { key } of writtenQuestions(lesson))
      state = progress.submitWritten(state, key, answer, lesson.settings.writtenAnswerMaxLength);
    state = takeQuiz(lesson, state, 0);
    for (let i = 0; i < lesson.settings.keptQuizAttempts + 5; i++) state = retakeQuiz(lesson, state, i % 5);
    state = progress.retakeQuiz(state);
    for (const q of quizOf(lesson).questions)
      state = progress.chooseQuizOption(state, q.id, q.options[q.options.length - 1]?.id ?? q.correct);
    return progress.goToQuestion(state, quizOf(lesson).questions.length - 1);
  }

  function encodedLength(label: string, answer: string): number {
    const state = worstState(answer);
    const encoded = encodeProgress(lesson.id, state);
    const kept = Object.values(state.written);
    console.log(
      `suspend_data worst case, ${label}: ${encoded.length} of ${SCORM12_SUSPEND_DATA} ` +
        `(${kept.length} written answers of ${kept[0]?.length} UTF-16 code units)`,
    );
    expect(kept).toHaveLength(writtenQuestions(lesson).length);
    expect(state.quiz.attempts).toHaveLength(lesson.settings.keptQuizAttempts);
    return encoded.length;
  }

  const max = () => lesson.settings.writtenAnswerMaxLength;

  /** The same, but every other written question holds a draft instead of an answer and every other case a pick. */
  function worstStateWithDrafts(answer: string): ProgressState {
    let state = visitAllPages(lesson, progress.initialProgress(lesson));
    for (const [i, { block, key }] of activityCases(lesson).entries()) {
      const longest = block.options.reduce((a, b) => (b.id.length > a.id.length ? b : a));
      state = i % 2 ? progress.pickCase(state, key, longest.id) : progress.answerCase(state, key, longest.id);
    }
    for (const [i, { key }] of writtenQuestions(lesson).entries())
      state = i % 2 ? progress.saveDraft(state, key, answer, max()) : progress.submitWritten(state, key, answer, max());
    state = takeQuiz(lesson, state, 0);
    for (let i = 0; i < lesson.settings.keptQuizAttempts + 5; i++) state = retakeQuiz(lesson, state, i % 5);
    state = progress.retakeQuiz(state);
    for (const q of quizOf(lesson).questions)
      state = progress.chooseQuizOption(state, q.id, q.options[q.options.length - 1]?.id ?? q.correct);
    return state;
  }

  it('fits with drafts and unchecked picks beside answers (every text at the limit, " and \\)', () => {
    const state = worstStateWithDrafts('"\\'.repeat(max()));
    const encoded = encodeProgress(lesson.id, state);
    console.log(`suspend_data worst case with drafts and picks: ${encoded.length} of ${SCORM12_SUSPEND_DATA}`);

    expect(Object.keys(state.drafts).length).toBeGreaterThan(0);
    expect(Object.keys(state.picks).length).toBeGreaterThan(0);
    expect(Object.values(state.drafts).every((d) => d.length === max())).toBe(true);
    expect(encoded.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA);
    expect(roundTrip(state)).toEqual(state);
  });

  it('fits with every written answer at the limit in characters JSON would escape (" and \\)', () => {
    expect(encodedLength('" and \\', '"\\'.repeat(max()))).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA);
  });

  it('fits with astral-emoji answers as long as the textarea’s maxlength lets a learner type (UTF-16 code units)', () => {
    // <textarea maxlength> counts UTF-16 code units: 250 allows 125 emoji.
    expect(encodedLength('emoji up to the textarea maxlength', '😀'.repeat(Math.floor(max() / 2)))).toBeLessThanOrEqual(
      SCORM12_SUSPEND_DATA,
    );
  });

  it('fits with astral-emoji answers as long as the lesson keeps them (normalizeWritten)', () => {
    // Whatever reaches the session is capped by normalizeWritten, the domain's own guard.
    expect(encodedLength('emoji as long as normalizeWritten keeps', '😀'.repeat(max() * 2))).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA);
  });

  it('round-trips the worst case', () => {
    const state = worstState('"\\'.repeat(max()));

    expect(roundTrip(state)).toEqual(state);
  });
});
