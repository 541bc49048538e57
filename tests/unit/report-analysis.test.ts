/**
 * The report's computations on hand-made cohorts whose answers are known: each learner is scripted
 * (pages, quiz attempts, cases, written answers) and the xAPI package's own session and tracker turn
 * the script into statements (hosts/learner/cohort.ts). What the report must say is worked out here
 * from the scripts, never from the statements. Questions, options and pages come from the loaded
 * course (or a fixture course), picked by the role they play.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { scriptedLearner, type Action, type Script } from '../../hosts/learner/cohort.js';
import { loadCourse } from '../../src/content/load-course.js';
import type { Lesson } from '../../src/content/lesson.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { analyse } from '../../scripts/report/analysis.js';
import { courseModel, type CourseModel } from '../../scripts/report/course-model.js';
import type { Report } from '../../scripts/report/report-data.js';
import { answersWithCorrect, fewestToPass } from './helpers/learner.js';
import { required } from './helpers/lesson-roles.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
let model: CourseModel;
beforeAll(async () => {
  lesson = await loadRealCourse();
  model = courseModel(lesson);
});

const REGISTRATION = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const visitAll = (l: Lesson): Action[] => l.pages.map((p) => ({ visit: p.id }));
const quizId = () => quizOf(lesson).id;
const key = (questionId: string) => `${quizId()}.${questionId}`;

function script(n: number, sessions: Script['sessions']): Script {
  return { learner: n, registration: REGISTRATION(n), start: new Date(Date.UTC(2026, 8, n, 9)), sessions };
}

async function statementsOf(l: Lesson, scripts: readonly Script[]): Promise<(Statement & { id: string })[]> {
  const all: (Statement & { id: string })[] = [];
  for (const s of scripts) all.push(...(await scriptedLearner(l, s)));
  return all;
}

const report = (statements: readonly unknown[], named = false): Report =>
  analyse(model, statements, { activity: model.lessonIri, named, now: () => new Date('2026-10-01T00:00:00Z') });

/** Option chosen for each question in each learner's attempts (the known answers). */
interface KnownAttempts {
  readonly attempts: readonly Readonly<Record<string, string>>[];
}

function expectedCounts(cohort: readonly KnownAttempts[]) {
  const quiz = quizOf(lesson);
  return quiz.questions.map((q) => ({
    id: key(q.id),
    options: q.options.map((o) => ({
      id: o.id,
      correct: o.id === q.correct,
      chosen: cohort.reduce((n, l) => n + l.attempts.filter((a) => a[q.id] === o.id).length, 0),
      firstAttemptChosen: cohort.filter((l) => l.attempts[0]?.[q.id] === o.id).length,
    })),
  }));
}

describe('a hand-made cohort of four learners', () => {
  let all: Known[];
  let statements: (Statement & { id: string })[];
  type Known = KnownAttempts & { readonly script: Script };

  beforeAll(async () => {
    const quiz = quizOf(lesson);
    const pass = fewestToPass(lesson);
    const perfect = answersWithCorrect(quiz, quiz.questions.length);
    const failing = answersWithCorrect(quiz, pass - 1);
    const none = answersWithCorrect(quiz, 0);
    const firstCase = required(activityCases(lesson)[0], 'a micro-activity case');
    const wrongCase = required(
      firstCase.block.options.find((o) => o.id !== firstCase.item.correct),
      'a wrong option for a case',
    ).id;
    const written = required(writtenQuestions(lesson)[0], 'a written question');
    all = [
      // 1: reads everything, answers a case right and a written question, passes at once.
      {
        attempts: [perfect],
        script: script(1, [
          {
            actions: [
              ...visitAll(lesson),
              { case: { activity: firstCase.block.id, case: firstCase.item.id, option: firstCase.item.correct } },
              { write: { activity: written.block.id, question: written.question.id, text: '=SUM(A1) is how I would not answer' } },
              { quiz: perfect },
            ],
          },
        ]),
      },
      // 2: reads three pages, closes the tab.
      { attempts: [], script: script(2, [{ actions: visitAll(lesson).slice(0, 3), close: 'pagehide' }]) },
      // 3: reads everything, answers the case wrong, fails one short of the pass mark, passes on the retake next day.
      {
        attempts: [failing, perfect],
        script: script(3, [
          {
            actions: [
              ...visitAll(lesson),
              { case: { activity: firstCase.block.id, case: firstCase.item.id, option: wrongCase } },
              { quiz: failing },
            ],
          },
          { actions: [{ quiz: perfect }] },
        ]),
      },
      // 4: reads everything, gets nothing right twice.
      { attempts: [none, none], script: script(4, [{ actions: [...visitAll(lesson), { quiz: none }, { quiz: none }] }]) },
    ];
    statements = await statementsOf(
      lesson,
      all.map((k) => k.script),
    );
  });

  it('counts the funnel per learner record: launched, read every page, quiz attempted, passed, completed', () => {
    const r = report(statements);
    expect(r.funnel.map((s) => [s.stage, s.registrations, s.learners])).toEqual([
      ['launched', 4, 4],
      ['read-every-page', 3, 3],
      ['quiz-attempted', 3, 3],
      ['quiz-passed', 2, 2],
      ['completed', 3, 3],
    ]);
    expect(r.read).toMatchObject({ received: statements.length, counted: statements.length, duplicates: 0, voided: 0 });
  });

  it('says where the learner who stopped stopped, and how many attempts each pass took', () => {
    const r = report(statements);
    expect(r.stoppedAt.filter((row) => row.count > 0)).toEqual([{ label: `3. ${lesson.pages[2]!.title}`, count: 1 }]);
    expect(r.attemptsToPass).toEqual([
      { label: '1 attempt', count: 1 },
      { label: '2 attempts', count: 1 },
      { label: 'not passed (yet)', count: 1 },
    ]);
    const total = quizOf(lesson).questions.length;
    const pass = fewestToPass(lesson);
    const first = Object.fromEntries(r.scores.map((s) => [s.right, s.first]));
    expect(first).toMatchObject({ [total]: 1, [pass - 1]: 1, 0: 1 });
    const best = Object.fromEntries(r.scores.map((s) => [s.right, s.best]));
    expect(best).toMatchObject({ [total]: 2, 0: 1 });
    expect(r.scores.reduce((n, s) => n + s.first, 0)).toBe(3);
  });

  it('counts each option over all answers and on first attempts, with the right one marked', () => {
    const r = report(statements);
    const expected = expectedCounts(all);
    expect(
      r.quiz.map((q) => ({
        id: q.id,
        options: q.options.map(({ id, correct, chosen, firstAttemptChosen }) => ({ id, correct, chosen, firstAttemptChosen })),
      })),
    ).toEqual(expected);
    for (const q of r.quiz) {
      expect(q.version).toBe(lesson.version);
      expect(q.answers).toBe(5); // 1 + 2 + 2 attempts
      expect(q.firstAttemptAnswers).toBe(3);
    }
    const firstQuestion = r.quiz[0]!;
    const firstId = quizOf(lesson).questions[0]!.id;
    const rightFirst = all.filter((l) => l.attempts[0] && l.attempts[0][firstId] === quizOf(lesson).questions[0]!.correct).length;
    expect(firstQuestion.firstAttemptRight).toBe(rightFirst);
  });

  it('counts the micro-activity case choices and lists written answers under anonymous codes (names only when asked)', () => {
    const r = report(statements);
    const firstCase = activityCases(lesson)[0]!;
    const item = required(
      r.cases.find((c) => c.id === firstCase.key),
      'the first case in the report',
    );
    expect(item.answers).toBe(2);
    expect(item.right).toBe(1);
    expect(item.options.find((o) => o.correct)).toMatchObject({ id: firstCase.item.correct, chosen: 1, firstAttemptChosen: 1 });
    const written = required(writtenQuestions(lesson)[0], 'a written question');
    const w = required(
      r.written.find((x) => x.id === written.key),
      'the written question',
    );
    expect(w.answers).toEqual([
      expect.objectContaining({ learner: 'L0001', registration: 'L0001-1', text: '=SUM(A1) is how I would not answer' }),
    ]);
    expect(JSON.stringify(r)).not.toContain('Learner 1');
    const named = report(statements, true);
    expect(named.written.find((x) => x.id === written.key)?.answers[0]).toMatchObject({
      learner: 'Learner 1',
      registration: REGISTRATION(1),
    });
    expect(named.learners.find((l) => l.name === 'Learner 3')).toMatchObject({ quizAttempts: 2, attemptsToPass: 2, completed: true });
  });

  it('counts each statement once, however often the LRS returns it, and leaves voided ones out', () => {
    const twice = report([...statements, ...statements.slice().reverse()]);
    const once = report(statements);
    expect({ ...twice, read: undefined, notices: undefined }).toEqual({ ...once, read: undefined, notices: undefined });
    expect(twice.read.duplicates).toBe(statements.length);

    // Learner 1's answer to the first question is voided: that answer is gone, and with it the whole first attempt.
    const firstId = key(quizOf(lesson).questions[0]!.id);
    const target = required(
      statements.find(
        (s) =>
          JSON.stringify(s.actor).includes('"learner-1"') &&
          s.verb.id.endsWith('/answered') &&
          (s.object as { id: string }).id.endsWith(`/interactions/${firstId}`),
      ),
      "learner 1's first answer",
    );
    const voiding = {
      ...target,
      id: '11111111-1111-4111-8111-111111111111',
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: target.id },
    };
    const r = report([...statements, voiding]);
    expect(r.read.voided).toBe(1);
    expect(r.quiz[0]!.firstAttemptAnswers).toBe(2);
    // The pass is on record (passed statement), but which attempt passed can no longer be told.
    expect(r.attemptsToPass).toContainEqual({ label: 'passed, attempts not recorded', count: 1 });
  });

  it('adds up the time of every session, from the durations the course reports', () => {
    const r = report(statements);
    const learner3 = r.learners.find((l) => l.learner === 'L0003');
    expect(learner3?.sessions).toBe(2);
    expect(learner3!.timeInLessonMs).toBeGreaterThan(0);
    expect(r.timeInLesson.medianMs).toBeGreaterThan(0);
  });
});

describe('content versions and other courses', () => {
  /** The lesson as it was: another version number, and the first quiz question with another right answer. */
  function olderVersion(): Lesson {
    const copy = structuredClone(lesson) as Lesson & { version: string };
    copy.version = '0.9.0';
    const q = quizOf(copy).questions[0]! as { correct: string; options: readonly { id: string }[] };
    q.correct = required(
      q.options.find((o) => o.id !== q.correct),
      'a second option',
    ).id;
    return copy;
  }

  it('reports answers to an older version under that version, never merged into the current question', async () => {
    const quiz = quizOf(lesson);
    const perfect = answersWithCorrect(quiz, quiz.questions.length);
    const old = olderVersion();
    const oldPerfect = answersWithCorrect(quizOf(old), quizOf(old).questions.length);
    const current = await statementsOf(lesson, [script(1, [{ actions: [...visitAll(lesson), { quiz: perfect }] }])]);
    const older = await statementsOf(old, [
      script(2, [{ actions: [...visitAll(old), { quiz: oldPerfect }] }]),
      script(3, [{ actions: [...visitAll(old), { quiz: oldPerfect }] }]),
    ]);
    const r = report([...current, ...older]);
    const firstId = key(quiz.questions[0]!.id);
    const ofFirst = r.quiz.filter((q) => q.id === firstId);
    expect(ofFirst.map((q) => [q.version, q.answers, q.right, q.inCourse])).toEqual([
      [lesson.version, 1, 1, true],
      ['0.9.0', 2, 2, false],
    ]);
    expect(ofFirst[1]!.options.find((o) => o.correct)?.id).toBe(quizOf(old).questions[0]!.correct);
    expect(r.versions.map((v) => [v.version, v.current, v.registrations])).toEqual([
      [lesson.version, true, 1],
      ['0.9.0', false, 2],
    ]);
    expect(r.notices.join(' ')).toContain('content version 0.9.0');
    // The current quiz's score histogram holds only the current version's attempts.
    expect(r.scores.reduce((n, s) => n + s.first, 0)).toBe(1);
  });

  it('splits a question whose right answer changed without a new version number, and names it', async () => {
    const same = olderVersion() as Lesson & { version: string };
    same.version = lesson.version;
    const quiz = quizOf(lesson);
    const perfect = answersWithCorrect(quiz, quiz.questions.length);
    const changed = await statementsOf(same, [
      script(2, [{ actions: [{ quiz: answersWithCorrect(quizOf(same), quiz.questions.length) }] }]),
    ]);
    const current = await statementsOf(lesson, [script(1, [{ actions: [{ quiz: perfect }] }])]);
    const r = report([...current, ...changed]);
    const ofFirst = r.quiz.filter((q) => q.id === key(quiz.questions[0]!.id));
    expect(ofFirst.map((q) => [q.variant, q.answers, q.inCourse])).toEqual([
      [0, 1, true],
      [1, 1, false],
    ]);
    expect(r.notices.join(' ')).toMatch(/answered under 2 different definitions/);
  });

  it('infers attempts from statements sent before the course numbered them, and files them under no version', async () => {
    const quiz = quizOf(lesson);
    const none = answersWithCorrect(quiz, 0);
    const perfect = answersWithCorrect(quiz, quiz.questions.length);
    const legacy = (await statementsOf(lesson, [script(1, [{ actions: [...visitAll(lesson), { quiz: none }, { quiz: perfect }] }])])).map(
      (s) => {
        const { revision: _revision, extensions: _extensions, ...context } = s.context ?? {};
        return { ...s, context };
      },
    );
    const r = report(legacy);
    expect(r.learners[0]).toMatchObject({ quizAttempts: 2, attemptsToPass: 2, versions: ['(not recorded)'] });
    const first = r.quiz.find((q) => q.id === key(quiz.questions[0]!.id) && q.version === '(not recorded)');
    expect(first).toMatchObject({ answers: 2, firstAttemptAnswers: 1, firstAttemptRight: 0 });
  });

  it("reads a cmi5 AU under the id the LMS assigned it, with the LMS's own launched statement", async () => {
    const au = 'https://lms.example.com/course/7/au/0';
    const quiz = quizOf(lesson);
    const ours = await statementsOf(lesson, [
      { ...script(1, [{ actions: [...visitAll(lesson), { quiz: answersWithCorrect(quiz, quiz.questions.length) }] }]), activityId: au },
    ]);
    // The LMS writes `launched` (cmi5 §9.3.1) about the AU it assigned, grouped under its own course.
    const launched = {
      id: '22222222-2222-4222-8222-222222222222',
      actor: ours[0]!.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched' },
      object: { objectType: 'Activity', id: au },
      context: { registration: REGISTRATION(1), contextActivities: { grouping: [{ id: 'https://lms.example.com/course/7' }] } },
      timestamp: '2026-09-01T08:59:00.000Z',
    };
    const r = analyse(model, [launched, ...ours], { activity: au });
    expect(r.read).toMatchObject({ counted: ours.length + 1, otherCourses: [] });
    expect(r.funnel.map((s) => s.registrations)).toEqual([1, 1, 1, 1, 1]);
    expect(r.quiz.every((q) => q.iri.startsWith(`${au}/interactions/`) && q.firstAttemptRight === 1)).toBe(true);
    // Another LMS's launched statement about another AU is another course's.
    expect(analyse(model, [launched], { activity: 'https://lms.example.com/course/8/au/0' }).read.otherCourses).toHaveLength(1);
  });

  it('leaves out statements of another course and says which', async () => {
    const fixture = await loadCourse('tests/fixtures/course');
    const theirs = await statementsOf(fixture, [script(7, [{ actions: visitAll(fixture) }])]);
    const ours = await statementsOf(lesson, [script(1, [{ actions: visitAll(lesson) }])]);
    const r = report([...ours, ...theirs]);
    expect(r.read.counted).toBe(ours.length);
    expect(r.read.otherCourses).toEqual([{ course: fixture.baseIri, statements: theirs.length }]);
    expect(r.notices[0]).toContain(fixture.baseIri);
    expect(report(theirs).read.counted).toBe(0);
  });
});
