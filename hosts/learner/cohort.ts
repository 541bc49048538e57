/**
 * A generated cohort of learners for the report's tests and the bench: each
 * learner works through the lesson with the course's own session
 * (LessonSession) and xAPI tracker (LrsTracker, StatementQueue, ResumeStore),
 * over an in-memory LRS client, so every statement is built exactly as the
 * xAPI package builds it — ids, verbs, order, results, resume across sessions.
 *
 * Deterministic: the same seed gives the same statements (ids, registrations
 * and clocks come from a seeded generator). Realistic: learners differ in
 * ability, questions in difficulty and in how attractive each wrong option
 * is; some learners stop early, some read but never take the quiz, some fail
 * and retake, most pass; work is spread over one to three sessions, and some
 * sessions end with the tab closed instead of Exit.
 *
 * What each learner did is returned next to the statements (`LearnerLog`),
 * so a test can work out the figures a report must show without reading
 * the statements.
 */
import type { Statement } from '@xapi/xapi';
import { LessonSession } from '../../src/app/lesson-session.js';
import type { Lesson } from '../../src/content/lesson.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { activityIris } from '../../src/packaging/identifiers.js';
import { courseActivityText } from '../../src/packaging/tincan-activities.js';
import { LrsError, type LrsClient, type XapiRequest, type XapiResource, type XapiResponse } from '../../src/tracking/xapi/lrs-client.js';
import { LrsTracker } from '../../src/tracking/xapi/lrs-tracker.js';
import { ResumeStore } from '../../src/tracking/xapi/resume-document.js';
import { StatementQueue } from '../../src/tracking/xapi/statement-queue.js';
import { ACTIVITY_TYPES } from '../../src/tracking/xapi/statements.js';

/** How a quiz question behaves in the cohort: its difficulty and the pull of each wrong option. */
export interface QuestionProfile {
  /** Higher is harder (logit scale; learners' abilities are about -2…2). */
  readonly difficulty: number;
  /** Relative weight of each wrong option when a learner gets it wrong (missing: 1). */
  readonly distractorWeights?: Readonly<Record<string, number>>;
}

export interface CohortOptions {
  readonly lesson: Lesson;
  readonly learners: number;
  readonly seed?: number;
  /** When the first learner starts; learners start over `spreadDays` after it. */
  readonly start?: Date;
  readonly spreadDays?: number;
  /** Per quiz question id ("q1"); questions not named get a profile drawn from the seed. */
  readonly profiles?: Readonly<Record<string, QuestionProfile>>;
  /** The lesson activity the statements are about (default: the xAPI package's, from course/). */
  readonly activityId?: string;
  /** Learner numbers start here (so two cohorts can share one LRS without sharing learners). */
  readonly firstLearner?: number;
  /** Learners worked through side by side (the result is the same whatever the number). */
  readonly concurrency?: number;
}

export type Plan = 'bounce' | 'reader' | 'quiz';

/** What one learner did, in the course's own terms. */
export interface LearnerLog {
  readonly actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  readonly registration: string;
  readonly plan: Plan;
  /** Pages visited, in order. */
  readonly pages: string[];
  /** Quiz attempts: question id → option id, in attempt order (the first is attempt 1). */
  readonly attempts: Record<string, string>[];
  /** Case key ("activity.case") → option id. */
  readonly cases: Record<string, string>;
  /** Written question key → the answer. */
  readonly written: Record<string, string>;
  sessions: number;
}

export interface GeneratedLearner {
  readonly log: LearnerLog;
  readonly statements: (Statement & { id: string })[];
}

/** mulberry32: a small, fast, seeded generator (deterministic across runs and machines). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(next: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** A standard normal draw (Box–Muller). */
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

function pick<T>(next: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const WRITTEN_ANSWERS = [
  'Use an IAM role with temporary credentials instead of long-term access keys.',
  'Lock the root user away with MFA and use it only for the few tasks that need it.',
  'An IAM user only when a workload outside AWS cannot use roles; rotate its keys.',
  'People sign in through IAM Identity Center and assume roles.',
  'I am not sure yet.',
];

/** In-memory LRS for one cohort: statements in the order the course sends them; State documents by key. */
class MemoryLrs implements LrsClient {
  readonly statements: (Statement & { id: string })[] = [];
  private readonly documents = new Map<string, unknown>();

  async request(resource: XapiResource, request: XapiRequest = {}): Promise<XapiResponse> {
    const method = request.method ?? 'GET';
    const ok = (data: unknown, status = 200): XapiResponse => ({ status, data, headers: new Headers() });
    if (resource === 'statements' && method === 'POST') {
      const batch = (Array.isArray(request.body) ? request.body : [request.body]) as (Statement & { id: string })[];
      this.statements.push(...structuredClone(batch));
      return ok(batch.map((s) => s.id));
    }
    if (resource === 'activities/state') {
      const key = JSON.stringify(request.params);
      if (method === 'GET') {
        if (!this.documents.has(key)) throw new LrsError(404, 'no document');
        return ok(this.documents.get(key));
      }
      const body = request.body as Record<string, unknown>;
      this.documents.set(key, method === 'POST' ? { ...(this.documents.get(key) as object), ...body } : body);
      return ok(undefined, 204);
    }
    throw new LrsError(400, `the cohort's LRS does not answer ${method} ${resource}`);
  }
}

/** Learners one at a time (a generator: a bench of 10,000 never holds them all). */
export async function* generateCohort(options: CohortOptions): AsyncGenerator<GeneratedLearner> {
  const { lesson } = options;
  const next = random(options.seed ?? 1);
  // Questions are drawn from the seed alone: every learner meets the same questions.
  const quiz = quizOf(lesson);
  const profiles = new Map(
    quiz.questions.map((q) => {
      const given = options.profiles?.[q.id];
      const difficulty = given?.difficulty ?? normal(next) * 0.9 - 0.6;
      const weights = Object.fromEntries(
        q.options.filter((o) => o.id !== q.correct).map((o) => [o.id, given?.distractorWeights?.[o.id] ?? 0.2 + next() * 2]),
      );
      return [q.id, { difficulty, distractorWeights: weights }];
    }),
  );
  const context: CohortContext = {
    lesson,
    profiles,
    start: (options.start ?? new Date('2026-09-01T08:00:00Z')).getTime(),
    spread: (options.spreadDays ?? 30) * 86_400_000,
    activityId: options.activityId ?? activityIris(lesson).lesson,
  };
  const first = options.firstLearner ?? 1;
  const seed = options.seed ?? 1;
  // Learners run side by side (each waits on its own in-memory requests and timers), each with its own
  // generator seeded from (seed, learner number), so the result does not depend on how they interleave.
  const window = Math.max(1, options.concurrency ?? 32);
  for (let from = 0; from < options.learners; from += window) {
    const batch = Array.from({ length: Math.min(window, options.learners - from) }, (_, i) =>
      runLearner(context, first + from + i, random(seed * 1_000_003 + first + from + i)),
    );
    for (const learner of await Promise.all(batch)) yield learner;
  }
}

interface CohortContext {
  readonly lesson: Lesson;
  readonly profiles: ReadonlyMap<string, Required<QuestionProfile>>;
  readonly start: number;
  readonly spread: number;
  readonly activityId: string;
}

/**
 * One learner's launches of the xAPI package, each a session of the course's own LessonSession and
 * LrsTracker over one in-memory LRS (so a relaunch resumes from the State document the last one wrote).
 */
class LearnerRun {
  readonly lrs = new MemoryLrs();

  constructor(
    private readonly lesson: Lesson,
    private readonly activityId: string,
    readonly actor: LearnerLog['actor'],
    readonly registration: string,
    private readonly newId: () => string,
    public clock: number,
  ) {}

  /** Launches the lesson (at `page`), runs `body`, then ends the session by Exit or by closing the tab. */
  async session(page: string | undefined, close: 'exit' | 'pagehide', body: (session: LessonSession) => Promise<void>): Promise<void> {
    const { lesson, activityId } = this;
    const iris = activityIris(lesson);
    const tracker = new LrsTracker({
      standard: 'xapi',
      lesson,
      queue: new StatementQueue(this.lrs, { storageKey: 'cohort', batchSize: 64 }),
      resume: new ResumeStore(this.lrs, { agent: this.actor, activityId, registration: this.registration, stateId: `${lesson.id}.resume` }),
      context: {
        actor: this.actor,
        registration: this.registration,
        language: lesson.language,
        lesson: { id: activityId, name: lesson.title, description: lesson.description, type: ACTIVITY_TYPES.lesson },
        course: { id: iris.course, ...courseActivityText(lesson), type: ACTIVITY_TYPES.course },
        revision: lesson.version,
        newId: this.newId,
        now: () => new Date(this.clock),
      },
      profile: { decorate: (s) => s },
      session: undefined,
      sessionKey: 'cohort',
      saveDelayMs: 0,
      now: () => this.clock,
    });
    const session = new LessonSession(lesson, tracker, { now: () => this.clock });
    await session.start(page);
    await body(session);
    await session.settled();
    if (close === 'exit') await session.exit();
    else {
      session.flush();
      await session.finish('pagehide');
    }
    await settle();
  }
}

const actorOf = (n: number): LearnerLog['actor'] => ({
  objectType: 'Agent',
  name: `Learner ${n}`,
  account: { homePage: 'https://lms.example.com', name: `learner-${n}` },
});

async function runLearner(c: CohortContext, n: number, next: () => number): Promise<GeneratedLearner> {
  const { lesson } = c;
  const log: LearnerLog = {
    actor: actorOf(n),
    registration: uuidFrom(next),
    plan: pick(next, ['bounce', 'reader', 'quiz'] as const, [0.15, 0.08, 0.77]),
    pages: [],
    attempts: [],
    cases: {},
    written: {},
    sessions: 0,
  };
  const ability = normal(next);
  const run = new LearnerRun(
    lesson,
    c.activityId,
    log.actor,
    log.registration,
    () => uuidFrom(next),
    c.start + Math.floor(next() * c.spread),
  );
  const steps = planSteps(lesson, log.plan, next);
  // One to three sessions: the steps cut in that many pieces.
  const sessionCount = 1 + Math.floor(next() * next() * 3);
  const cuts = new Set(Array.from({ length: sessionCount - 1 }, () => 1 + Math.floor(next() * Math.max(1, steps.length - 1))));
  let step = 0;
  while (step < steps.length) {
    log.sessions += 1;
    // Most sessions end with Exit; some with the tab closed (no terminated while a request is in flight).
    await run.session(steps[step]?.page, next() < 0.85 ? 'exit' : 'pagehide', async (session) => {
      do {
        await runStep(session, steps[step]!, log, ability, c.profiles, next);
        run.clock += 10_000 + Math.floor(next() * 110_000);
        await session.settled();
        step += 1;
      } while (step < steps.length && !cuts.has(step));
    });
    run.clock += 3_600_000 + Math.floor(next() * 2 * 86_400_000);
  }
  return { log, statements: run.lrs.statements };
}

/** One thing a scripted learner does; each takes a minute of the learner's clock. */
export type Action =
  | { readonly visit: string }
  /** One quiz attempt: question id → option id (a retake first, if the last results are showing). */
  | { readonly quiz: Readonly<Record<string, string>> }
  | { readonly case: { readonly activity: string; readonly case: string; readonly option: string } }
  | { readonly write: { readonly activity: string; readonly question: string; readonly text: string } };

export interface Script {
  /** The actor is learner-<learner> ("Learner <learner>"), as in a generated cohort. */
  readonly learner: number;
  readonly registration: string;
  readonly start: Date;
  readonly sessions: readonly { readonly actions: readonly Action[]; readonly close?: 'exit' | 'pagehide' }[];
  /** The lesson activity (default: the xAPI package's). */
  readonly activityId?: string;
}

/** The statements the xAPI package sends for a learner who does exactly what the script says. */
export async function scriptedLearner(lesson: Lesson, script: Script, seed = script.learner): Promise<(Statement & { id: string })[]> {
  const next = random(seed);
  const run = new LearnerRun(
    lesson,
    script.activityId ?? activityIris(lesson).lesson,
    actorOf(script.learner),
    script.registration,
    () => uuidFrom(next),
    script.start.getTime(),
  );
  for (const s of script.sessions) {
    await run.session(undefined, s.close ?? 'exit', async (session) => {
      for (const action of s.actions) {
        if ('visit' in action) session.visit(action.visit);
        else if ('case' in action) session.answerCase(action.case.activity, action.case.case, action.case.option);
        else if ('write' in action) session.submitWritten(action.write.activity, action.write.question, action.write.text);
        else {
          if (session.state.quiz.showingResults) session.retakeQuiz();
          for (const [question, option] of Object.entries(action.quiz)) session.chooseQuizOption(question, option);
          session.submitQuiz();
        }
        await session.settled();
        run.clock += 60_000;
      }
    });
    run.clock += 86_400_000;
  }
  return run.lrs.statements;
}

/** Lets the queue's and the resume store's pending promises run (they answer at once, in memory). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

type Step =
  | { readonly kind: 'page'; readonly page: string }
  | { readonly kind: 'cases'; readonly page: string; readonly block: string }
  | { readonly kind: 'written'; readonly page: string; readonly block: string }
  | { readonly kind: 'quiz'; readonly page: string; readonly attempts: number };

/** The learner's way through the lesson: pages in reading order, doing what each page asks. */
function planSteps(lesson: Lesson, plan: Plan, next: () => number): Step[] {
  const steps: Step[] = [];
  const bounceAfter = 1 + Math.floor(next() * Math.max(1, lesson.pages.length - 3));
  for (const [index, page] of lesson.pages.entries()) {
    if (plan === 'bounce' && index >= bounceAfter) break;
    steps.push({ kind: 'page', page: page.id });
    for (const block of page.blocks) {
      if (block.kind === 'choice-activity') steps.push({ kind: 'cases', page: page.id, block: block.id });
      if (block.kind === 'written-activity' || block.kind === 'reflection') {
        if (next() < 0.7) steps.push({ kind: 'written', page: page.id, block: block.id });
      }
      if (block.kind === 'quiz') {
        if (plan === 'reader') return steps;
        steps.push({ kind: 'quiz', page: page.id, attempts: pick(next, [1, 2, 3, 5], [0.35, 0.35, 0.2, 0.1]) });
      }
    }
  }
  return steps;
}

async function runStep(
  session: LessonSession,
  step: Step,
  log: LearnerLog,
  ability: number,
  profiles: ReadonlyMap<string, Required<QuestionProfile>>,
  next: () => number,
): Promise<void> {
  const lesson = session.lesson;
  session.visit(step.page);
  if (!log.pages.includes(step.page)) log.pages.push(step.page);
  if (step.kind === 'cases') {
    for (const c of activityCases(lesson).filter((x) => x.block.id === step.block)) {
      if (c.key in session.state.choices) continue;
      const right = next() < logistic(ability + 1);
      const wrong = c.block.options.filter((o) => o.id !== c.item.correct);
      const option = right || wrong.length === 0 ? c.item.correct : wrong[Math.floor(next() * wrong.length)]!.id;
      session.shown(c.key);
      session.answerCase(c.block.id, c.item.id, option);
      log.cases[c.key] = option;
    }
  }
  if (step.kind === 'written') {
    for (const w of writtenQuestions(lesson).filter((x) => x.block.id === step.block)) {
      const text = WRITTEN_ANSWERS[Math.floor(next() * WRITTEN_ANSWERS.length)]!;
      session.shown(w.key);
      session.submitWritten(w.block.id, w.question.id, text);
      log.written[w.key] = text;
    }
  }
  if (step.kind === 'quiz') {
    const quiz = quizOf(lesson);
    for (let attempt = 0; attempt < step.attempts; attempt++) {
      if (attempt > 0 || session.state.quiz.showingResults) session.retakeQuiz();
      const answers: Record<string, string> = {};
      for (const q of quiz.questions) {
        const profile = profiles.get(q.id)!;
        // Learners do a little better on each retake: they read the feedback.
        const right = next() < logistic(ability - profile.difficulty + 0.6 * attempt);
        const wrong = q.options.filter((o) => o.id !== q.correct);
        const option =
          right || wrong.length === 0
            ? q.correct
            : pick(
                next,
                wrong.map((o) => o.id),
                wrong.map((o) => profile.distractorWeights[o.id] ?? 1),
              );
        session.chooseQuizOption(q.id, option);
        answers[q.id] = option;
      }
      session.submitQuiz();
      log.attempts.push(answers);
      await session.settled();
      if (session.state.quiz.passed) break;
    }
  }
}

/** Posts a cohort's statements to an LRS (xAPI POST /statements, `batch` at a time); returns how many were stored. */
export async function postCohort(
  endpoint: string,
  credentials: { readonly key: string; readonly secret: string },
  learners: AsyncIterable<GeneratedLearner>,
  batch = 500,
): Promise<number> {
  const auth = `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`;
  let buffer: Statement[] = [];
  let stored = 0;
  const send = async (all: boolean) => {
    while (buffer.length >= batch || (all && buffer.length > 0)) {
      const part = buffer.slice(0, batch);
      const response = await fetch(`${endpoint}statements`, {
        method: 'POST',
        headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
        body: JSON.stringify(part),
      });
      if (response.status !== 200)
        throw new Error(`the LRS refused the cohort's statements: HTTP ${response.status} ${await response.text()}`);
      stored += part.length;
      buffer = buffer.slice(part.length);
    }
  };
  for await (const learner of learners) {
    buffer.push(...learner.statements);
    await send(false);
  }
  await send(true);
  return stored;
}
