import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { decodeProgress, encodeProgress } from '../../src/domain/codec.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import * as progress from '../../src/domain/progress.js';
import type { ProgressState } from '../../src/domain/progress.js';
import { fewestToPass, retakeQuiz, takeQuiz, visitAllPages } from './helpers/learner.js';
import { lessonRoles, required } from './helpers/lesson-roles.js';
import { loadRealCourse } from './helpers/real-course.js';

/** SCORM 1.2 RTE 3.4.5: cmi.suspend_data is CMIString4096. */
const { pageId, pageHolding } = lessonRoles(() => lesson);
const SCORM12_SUSPEND_DATA = 4096;

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

/*
 * Ids come from the loaded course, picked by the role they play in a test, so a course author who
 * renames a page, an activity, a case or a question in course/ does not see these tests of the
 * codec fail. (tests/unit/shipped-lesson.test.ts pins the shipped lesson on purpose.)
 */

/** The first and the last choice-activity case, with a wrong option for each. */
function twoCases() {
  const cases = activityCases(lesson);
  const [first, last] = [cases[0], cases.at(-1)];
  if (!first || !last || first === last) throw new Error('the lesson needs two choice-activity cases');
  const withWrong = (found: typeof first) => ({
    ...found,
    wrong: required(
      found.block.options.find((o) => o.id !== found.item.correct),
      `a wrong option for ${found.key}`,
    ).id,
  });
  return [withWrong(first), withWrong(last)] as const;
}

/** The first and the last written question (a micro-activity's and a reflection's in the shipped lesson). */
function twoWrittenQuestions() {
  const questions = writtenQuestions(lesson);
  const [first, last] = [questions[0], questions.at(-1)];
  if (!first || !last || first === last) throw new Error('the lesson needs two written questions');
  return [first, last] as const;
}

/** The quiz's question at position `n`. */
const quizQuestion = (n: number) => required(quizOf(lesson).questions[n], `a quiz of ${n + 1} questions or more`);

function roundTrip(state: ProgressState): ProgressState | undefined {
  const decoded = decodeProgress(lesson, encodeProgress(lesson.id, state));
  return decoded.ok ? decoded.state : undefined;
}

/** The last written answer richState submits: its encoding ends with it. */
const RICH_STATE_LAST_ANSWER = 'root = rare\nuser = named\nrole = temporary';

/** A learner half-way through a second quiz attempt, with some of everything. */
function richState(): ProgressState {
  const [rightCase, wrongCase] = twoCases();
  const [firstWritten, lastWritten] = twoWrittenQuestions();
  const quiz = quizOf(lesson);
  const [q1, q2] = [quizQuestion(0), quizQuestion(1)];
  const pages = [
    pageId(0),
    pageId(1),
    pageId(2),
    pageHolding(rightCase.block.id),
    pageHolding(firstWritten.block.id),
    pageHolding(quiz.id),
  ];
  let state = [...new Set(pages)].reduce(progress.visit, progress.initialProgress(lesson, 1_234_567_891));
  state = progress.answerCase(state, rightCase.key, rightCase.item.correct);
  state = progress.answerCase(state, wrongCase.key, wrongCase.wrong);
  // Tried again (still wrong), then the best answer shown.
  state = progress.retryCase(state, wrongCase.key, wrongCase.wrong, wrongCase.item.correct);
  state = progress.revealCase(state, wrongCase.key);
  state = progress.submitWritten(state, firstWritten.key, 'They expire, so a leak hurts less.', 250);
  state = progress.submitWritten(state, lastWritten.key, RICH_STATE_LAST_ANSWER, 250);
  state = takeQuiz(lesson, state, quiz.questions.length);
  // A failed retake, then a third attempt with two questions answered.
  state = retakeQuiz(lesson, state, fewestToPass(lesson) - 1);
  state = progress.retakeQuiz(state, lesson);
  state = progress.chooseQuizOption(state, q1.id, q1.correct);
  state = progress.chooseQuizOption(
    state,
    q2.id,
    required(
      q2.options.find((o) => o.id !== q2.correct),
      `a wrong option for ${q2.id}`,
    ).id,
  );
  return progress.goToQuestion(state, Math.min(2, quiz.questions.length - 1));
}

describe('encodeProgress / decodeProgress', () => {
  it('round-trips a rich state exactly', () => {
    const state = richState();

    expect(roundTrip(state)).toEqual(state);
  });

  it('keeps the quiz-order seed, tries again and shown answers, so a relaunch shows the same order and feedback', () => {
    const [, wrongCase] = twoCases();
    const state = richState();

    const back = roundTrip(state);

    expect(back?.quiz.seed).toBe(1_234_567_891);
    expect(back?.retries).toEqual({ [wrongCase.key]: wrongCase.wrong });
    expect(back?.revealed).toEqual([wrongCase.key]);
  });

  it('drops a try again or a shown answer for a case never answered first', () => {
    const [, wrongCase] = twoCases();
    const json = JSON.stringify({
      c: lesson.id,
      l: pageId(0),
      v: [],
      a: {},
      y: { [wrongCase.key]: wrongCase.wrong },
      k: [wrongCase.key],
      q: {},
    });

    const decoded = decodeProgress(lesson, `1.${json.length}.${json}`);

    expect(decoded.ok && [decoded.state.retries, decoded.state.revealed]).toEqual([{}, []]);
  });

  it('round-trips a fresh state', () => {
    const state = progress.initialProgress(lesson);

    expect(roundTrip(state)).toEqual(state);
  });

  it('round-trips learner text containing quotes, =, :, digits, line breaks, emoji and the codec’s own delimiters', () => {
    const keys = writtenQuestions(lesson).map((w) => w.key);
    const [firstKey, secondKey = firstKey] = keys;
    if (!firstKey) throw new Error('the lesson needs a written question');
    // Texts that look like the codec's own header and records, with this course's ids.
    const header = JSON.stringify({ c: lesson.id, l: pageId(0) });
    const texts = [
      'He said "use a role", not \'root\'. back\\slash {braces} [brackets]',
      'a=1:b=2 and 3:4=5',
      '12:34',
      '0',
      'line one\nline two\n\nline four',
      '😀 👩‍💻 🇪🇺 e\u0301',
      `1.${header.length}.${header}`,
      `${secondKey}=9:injected=`,
    ];
    // As many states as it takes to hold every text, whatever the number of written questions.
    const states: ProgressState[] = [];
    for (let from = 0; from < texts.length; from += keys.length)
      states.push(
        keys.reduce(
          (s, key, i) => progress.submitWritten(s, key, texts[from + i] ?? '', lesson.settings.writtenAnswerMaxLength),
          progress.initialProgress(lesson),
        ),
      );

    const decoded = states.map(roundTrip);

    expect(states.flatMap((state) => Object.values(state.written))).toEqual(texts);
    expect(decoded.map((state) => state?.written)).toEqual(states.map((state) => state.written));
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
    const [question] = twoWrittenQuestions();
    const [item] = twoCases();
    const state = progress.answerCase(
      progress.submitWritten(progress.initialProgress(lesson), question.key, 'final', 250),
      item.key,
      item.item.correct,
    );
    const json = encodeProgress(lesson.id, state).replace(/^1\.\d+\./, '');
    const end = json.indexOf('}}') + 2;
    const packed = JSON.parse(json.slice(0, end)) as Record<string, unknown>;
    packed.d = { [item.key]: item.wrong, 'gone.case': 'x' };
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
    const lastAnswer = RICH_STATE_LAST_ANSWER;
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

  /**
   * What an older version of this course saved: ids the lesson still has beside ids it has since
   * dropped ("removed-…"), and attempts that cannot have happened. A dropped case, activity or
   * question carries an option id the lesson does have, so its own id is the only reason to drop it.
   */
  function olderVersion() {
    const [kept, changed] = twoCases();
    const [written] = twoWrittenQuestions();
    const [q1, q2, q3] = [quizQuestion(0), quizQuestion(1), quizQuestion(2)];
    const otherOption = required(
      q1.options.find((o) => o.id !== q1.correct),
      `a second option for ${q1.id}`,
    ).id;
    const [firstPage, laterPage] = [pageId(0), pageId(2)];
    const packed = {
      c: lesson.id,
      l: 'removed-page',
      v: [firstPage, 'removed-page', laterPage, 42],
      a: {
        [kept.key]: kept.item.correct,
        [`${kept.block.id}.removed-case`]: kept.item.correct,
        [changed.key]: 'removed-option',
        'removed-activity.x': kept.item.correct,
      },
      q: {
        i: quizOf(lesson).questions.length + 2,
        a: { [q1.id]: q1.correct, 'removed-question': q1.correct, [q2.id]: 'removed-option' },
        r: 0,
        n: 3,
        h: [
          [{ [q1.id]: q1.correct, 'removed-question': q1.correct, [q3.id]: 'removed-option' }, 5, 6],
          'junk',
          [{ [q1.id]: otherOption }, 9, 5],
        ],
        b: 0.8333,
        p: 1,
      },
    };
    const texts = `${written.key}=5:roles` + `${written.block.id}.removed-question=4:gone`;
    return { encoded: encodeRaw(packed, texts), firstPage, laterPage, kept, written, q1 };
  }

  it('decodes instead of failing', () => {
    expect(decodeProgress(lesson, olderVersion().encoded).ok).toBe(true);
  });

  it('keeps only pages the lesson still has, and starts at the first page when the saved one is gone', () => {
    const { encoded, firstPage, laterPage } = olderVersion();

    const decoded = decodeProgress(lesson, encoded);

    expect(decoded.ok && decoded.state.visited).toEqual([firstPage, laterPage]);
    expect(decoded.ok && decoded.state.location).toBe(firstPage);
  });

  it('keeps only activity answers to cases and options the lesson still has', () => {
    const { encoded, kept, written } = olderVersion();

    const decoded = decodeProgress(lesson, encoded);

    expect(decoded.ok && decoded.state.choices).toEqual({ [kept.key]: kept.item.correct });
    expect(decoded.ok && decoded.state.written).toEqual({ [written.key]: 'roles' });
  });

  it('keeps only quiz answers to questions and options the lesson still has, on a question that exists', () => {
    const { encoded, q1 } = olderVersion();

    const decoded = decodeProgress(lesson, encoded);

    expect(decoded.ok && decoded.state.quiz.answers).toEqual({ [q1.id]: q1.correct });
    expect(decoded.ok && decoded.state.quiz.index).toBe(quizOf(lesson).questions.length - 1);
  });

  it('drops impossible attempts but keeps the learner’s pass, best score and attempt count', () => {
    const { encoded, q1 } = olderVersion();

    const decoded = decodeProgress(lesson, encoded);

    expect(decoded.ok && decoded.state.quiz).toMatchObject({
      attempts: [{ answers: { [q1.id]: q1.correct }, correct: 5, total: 6 }],
      attemptCount: 3,
      bestScore: 0.8333,
      passed: true,
    });
  });

  it('treats fields of the wrong type as absent', () => {
    const decoded = decodeProgress(
      lesson,
      encodeRaw({ c: lesson.id, l: 3, v: pageId(0), a: [1, 2], q: { i: -1, a: 'x', r: 'yes', n: 'two', h: {}, b: 7, p: true } }),
    );

    expect(decoded).toEqual({ ok: true, state: progress.initialProgress(lesson) });
  });
});

describe('worst case for SCORM 1.2 cmi.suspend_data (CMIString4096)', () => {
  /**
   * Everything a learner can leave behind: every page visited, every case
   * answered, tried again and revealed with its longest option ids, every written answer of `answer`,
   * the maximum of kept quiz attempts, and a retake in progress.
   */
  function worstState(answer: string): ProgressState {
    let state = visitAllPages(lesson, progress.initialProgress(lesson, 0x7fffffff));
    for (const { block, item, key } of activityCases(lesson)) {
      // A wrong first answer and a wrong try again, both with the longest wrong option id, then the best answer shown.
      const longest = block.options.filter((o) => o.id !== item.correct).reduce((a, b) => (b.id.length > a.id.length ? b : a));
      state = progress.answerCase(state, key, longest.id);
      state = progress.retryCase(state, key, longest.id, item.correct);
      state = progress.revealCase(state, key);
    }
    for (const { key } of writtenQuestions(lesson))
      state = progress.submitWritten(state, key, answer, lesson.settings.writtenAnswerMaxLength);
    state = takeQuiz(lesson, state, 0);
    for (let i = 0; i < lesson.settings.keptQuizAttempts + 5; i++) state = retakeQuiz(lesson, state, i % 5);
    state = progress.retakeQuiz(state, lesson);
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
    let state = visitAllPages(lesson, progress.initialProgress(lesson, 0x7fffffff));
    for (const [i, { block, item, key }] of activityCases(lesson).entries()) {
      // Every other case picked, not checked; the others answered wrong, tried again and picked once more.
      const longest = block.options.filter((o) => o.id !== item.correct).reduce((a, b) => (b.id.length > a.id.length ? b : a));
      if (i % 2) state = progress.pickCase(state, key, longest.id);
      else {
        state = progress.answerCase(state, key, longest.id);
        state = progress.retryCase(state, key, longest.id, item.correct);
        state = progress.pickCase(state, key, longest.id, item.correct);
      }
    }
    for (const [i, { key }] of writtenQuestions(lesson).entries())
      state = i % 2 ? progress.saveDraft(state, key, answer, max()) : progress.submitWritten(state, key, answer, max());
    state = takeQuiz(lesson, state, 0);
    for (let i = 0; i < lesson.settings.keptQuizAttempts + 5; i++) state = retakeQuiz(lesson, state, i % 5);
    state = progress.retakeQuiz(state, lesson);
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
