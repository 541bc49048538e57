/**
 * The report's computations, pure and streaming: statements go in one at a
 * time (`add`), in any order and any number of times; `finish` gives the
 * report. Each statement is counted once (its id is the key), voided ones are
 * left out, and only small facts are kept, never the statement itself.
 *
 * Units: a learner record is one actor in one registration; an attempt is one
 * quiz attempt of a learner record (the attempt number the course sends, or,
 * for statements sent before it did, inferred: a question answered again
 * starts a new attempt). Questions are told apart by content version and id,
 * and by their definition (options and key) when that changed within a
 * version: no answer is ever counted under a question it was not given to.
 */
import { meetsPassingScore } from '../../src/domain/scoring.js';
import type { CourseModel, ModelQuestion, QuestionRole } from './course-model.js';
import { readStatement, type Fact, type Learner, type QuestionDefinition } from './facts.js';
import { discrimination, flagsFor, quantile, type RankedAnswer } from './item-analysis.js';
import {
  REPORT_FORMAT,
  THRESHOLDS,
  type ChoiceQuestionReport,
  type CountRow,
  type FunnelStep,
  type LearnerRow,
  type Report,
  type Thresholds,
  type VersionRow,
  type WrittenQuestionReport,
} from './report-data.js';

export interface AnalysisOptions {
  /** The activity the statements were asked for. */
  readonly activity: string;
  readonly endpoint?: string;
  readonly since?: string;
  readonly until?: string;
  /** Learner names and identifiers in the report (default: anonymous codes). */
  readonly named?: boolean;
  readonly thresholds?: Thresholds;
  readonly now?: () => Date;
}

interface LearnerRecord {
  readonly learner: Learner;
  readonly registration: string;
  facts: Fact[];
}

/** What one learner record adds up to. */
interface RecordSummary {
  readonly record: LearnerRecord;
  readonly first: number;
  readonly last: number;
  readonly versions: string[];
  readonly pagesRead: number;
  readonly readEveryPage: boolean;
  readonly furthestPage: number;
  readonly attempts: Attempt[];
  readonly attemptsToPass: number | undefined;
  readonly quizPassed: boolean;
  readonly completed: boolean;
  readonly sessions: number;
  readonly timeMs: number;
}

interface AnswerFact {
  readonly fact: Fact;
  readonly question: QuestionDefinition;
  readonly response: string;
  readonly right: boolean | undefined;
}

interface Attempt {
  readonly number: number;
  readonly version: string;
  readonly answers: Map<string, AnswerFact>;
  /** Right / questions of the version's quiz; undefined while some question is unanswered. */
  score: number | undefined;
}

const UNVERSIONED = '(not recorded)';
const versionLabel = (v: string) => v || UNVERSIONED;

export class ReportBuilder {
  private readonly seen = new Set<string>();
  private readonly voidedIds = new Set<string>();
  private readonly records = new Map<string, LearnerRecord>();
  /** One object per distinct definition, shared by every answer given under it. */
  private readonly definitions = new Map<string, QuestionDefinition>();
  private readonly otherCourses = new Map<string, number>();
  private readonly unreadable = new Map<string, number>();
  private received = 0;
  private duplicates = 0;
  private ignored = 0;

  constructor(
    private readonly model: CourseModel,
    private readonly options: AnalysisOptions,
  ) {}

  /** Statements received so far (for progress). */
  get statementsReceived(): number {
    return this.received;
  }

  add(raw: unknown): void {
    this.received += 1;
    const reading = readStatement(raw, this.model, this.options.activity);
    const id = reading.kind === 'fact' ? reading.fact.id : reading.id;
    if (id !== undefined) {
      if (this.seen.has(id)) {
        this.duplicates += 1;
        return;
      }
      this.seen.add(id);
    }
    switch (reading.kind) {
      case 'voiding':
        this.voidedIds.add(reading.target);
        return;
      case 'other-course':
        this.otherCourses.set(reading.course, (this.otherCourses.get(reading.course) ?? 0) + 1);
        return;
      case 'unreadable':
        this.unreadable.set(reading.why, (this.unreadable.get(reading.why) ?? 0) + 1);
        return;
      case 'ignored':
        this.ignored += 1;
        return;
      case 'fact': {
        const key = `${reading.learner.key}\n${reading.registration}`;
        let record = this.records.get(key);
        if (!record) {
          record = { learner: reading.learner, registration: reading.registration, facts: [] };
          this.records.set(key, record);
        }
        const what = reading.fact.what;
        const fact = what.verb === 'answered' ? { ...reading.fact, what: { ...what, question: this.intern(what.question) } } : reading.fact;
        record.facts.push(fact);
        return;
      }
    }
  }

  /** Counted statements of this course (ours, readable, once each), before voiding is applied. */
  get factsHeld(): number {
    let n = 0;
    for (const r of this.records.values()) n += r.facts.length;
    return n;
  }

  finish(): Report {
    const t = this.options.thresholds ?? THRESHOLDS;
    let voided = 0;
    const records: LearnerRecord[] = [];
    for (const record of this.records.values()) {
      const kept = record.facts.filter((f) => !this.voidedIds.has(f.id));
      voided += record.facts.length - kept.length;
      // Stable: statements of one millisecond keep the order the LRS gave them.
      record.facts = kept.sort((a, b) => a.time - b.time);
      if (kept.length) records.push(record);
    }
    const counted = records.reduce((n, r) => n + r.facts.length, 0);
    const questions = new QuestionRegistry(this.model, this.definitions.values());
    const summaries = records.map((r) => this.summarise(r, questions));
    const codes = learnerCodes(summaries);
    const items = questions.tally(summaries, t);
    const named = this.options.named ?? false;
    const report: Report = {
      format: REPORT_FORMAT,
      generatedAt: (this.options.now?.() ?? new Date()).toISOString(),
      course: {
        id: this.model.courseId,
        title: this.model.title,
        version: this.model.version,
        courseIri: this.model.courseIri,
        passingScore: this.model.passingScore,
        pages: this.model.pages.length,
        quizQuestions: this.model.questions.filter((q) => q.role === 'quiz').length,
      },
      read: {
        endpoint: this.options.endpoint,
        activity: this.options.activity,
        since: this.options.since,
        until: this.options.until,
        received: this.received,
        counted,
        duplicates: this.duplicates,
        voided,
        otherCourses: [...this.otherCourses]
          .map(([course, statements]) => ({ course, statements }))
          .sort((a, b) => b.statements - a.statements),
        unreadable: [...this.unreadable].map(([why, statements]) => ({ why, statements })),
        ignored: this.ignored,
      },
      thresholds: t,
      named,
      versions: this.versionRows(summaries),
      funnel: funnel(summaries),
      stoppedAt: this.stoppedAt(summaries),
      attemptsToPass: attemptsToPass(summaries),
      scores: this.scores(summaries, questions),
      timeInLesson: timeInLesson(summaries),
      quiz: items.quiz,
      cases: items.cases,
      written: items.written(codes, named),
      learners: summaries
        .map((s) => this.learnerRow(s, codes, named))
        .sort((a, b) => (a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : a.registration < b.registration ? -1 : 1)),
      notices: [],
    };
    return { ...report, notices: notices(report, this.model, questions) };
  }

  private intern(q: QuestionDefinition): QuestionDefinition {
    const key = definitionKey(q);
    const known = this.definitions.get(key);
    if (known) return known;
    this.definitions.set(key, q);
    return q;
  }

  private summarise(record: LearnerRecord, questions: QuestionRegistry): RecordSummary {
    const facts = record.facts;
    const pages = new Set<string>();
    let completed = false;
    let passedStatement = false;
    let mastery: number | undefined;
    const versions = new Set<string>();
    const quizAnswers: AnswerFact[] = [];
    const explicitAttempts: (number | undefined)[] = [];
    for (const f of facts) {
      const w = f.what;
      // The LMS's own statements (launched, abandoned, waived) name no content version.
      if (f.version !== '' || w.verb === 'answered') versions.add(f.version);
      if (w.verb === 'experienced') pages.add(w.page);
      else if (w.verb === 'completed') completed = true;
      else if (w.verb === 'passed' || w.verb === 'failed') {
        if (w.verb === 'passed') passedStatement = true;
        if (w.mastery !== undefined) mastery = w.mastery;
      } else if (w.verb === 'answered') {
        if (questions.roleOf(w.question) === 'quiz') {
          quizAnswers.push({ fact: f, question: w.question, response: w.response, right: rightAnswer(w.question, w.response, w.success) });
          explicitAttempts.push(w.attempt);
        }
      }
    }
    const attempts = numberAttempts(quizAnswers, explicitAttempts);
    const passing = mastery ?? this.model.passingScore;
    for (const a of attempts) {
      const total = questions.quizSize(a.version);
      const right = [...a.answers.values()].filter((x) => x.right === true).length;
      a.score = total > 0 && a.answers.size >= total ? right / total : undefined;
    }
    const passing1 = attempts.find((a) => a.score !== undefined && meetsPassingScore(a.score, passing));
    const pageOrder = this.model.pages.map((p) => p.id);
    const sessions = sessionTimes(facts);
    return {
      record,
      first: facts[0]?.time ?? 0,
      last: facts.at(-1)?.time ?? 0,
      versions: [...versions].sort(),
      pagesRead: pageOrder.filter((id) => pages.has(id)).length,
      readEveryPage: pageOrder.every((id) => pages.has(id)),
      furthestPage: Math.max(-1, ...pageOrder.map((id, i) => (pages.has(id) ? i : -1))),
      attempts,
      attemptsToPass: passing1?.number,
      quizPassed: passedStatement || passing1 !== undefined,
      completed,
      sessions: sessions.length,
      timeMs: sessions.reduce((sum, ms) => sum + ms, 0),
    };
  }

  private learnerRow(s: RecordSummary, codes: Codes, named: boolean): LearnerRow {
    const learner = s.record.learner;
    const { learnerCode, registrationCode } = codes.of(s.record);
    const scores = s.attempts.map((a) => a.score).filter((x): x is number => x !== undefined);
    const firstAttempt = s.attempts.find((a) => a.number === 1);
    return {
      learner: named ? (learner.name ?? learnerCode) : learnerCode,
      ...(named ? { name: learner.name ?? '', identifier: learner.key } : {}),
      registration: named ? s.record.registration : registrationCode,
      versions: s.versions.map(versionLabel),
      firstSeen: new Date(s.first).toISOString(),
      lastSeen: new Date(s.last).toISOString(),
      sessions: s.sessions,
      timeInLessonMs: s.timeMs,
      pagesRead: s.pagesRead,
      readEveryPage: s.readEveryPage,
      furthestPage: this.model.pages[s.furthestPage]?.id,
      quizAttempts: s.attempts.length,
      firstScore: firstAttempt?.score,
      bestScore: scores.length ? Math.max(...scores) : undefined,
      quizPassed: s.quizPassed,
      attemptsToPass: s.attemptsToPass,
      completed: s.completed,
    };
  }

  private versionRows(summaries: readonly RecordSummary[]): VersionRow[] {
    const rows = new Map<string, { registrations: number; answers: number }>();
    rows.set(this.model.version, { registrations: 0, answers: 0 });
    for (const s of summaries) {
      for (const v of s.versions) {
        const row = rows.get(v) ?? { registrations: 0, answers: 0 };
        row.registrations += 1;
        rows.set(v, row);
      }
      for (const f of s.record.facts) if (f.what.verb === 'answered') rows.get(f.what.question.version)!.answers += 1;
    }
    return [...rows]
      .map(([version, row]) => ({ version: versionLabel(version), current: version === this.model.version, ...row }))
      .sort((a, b) => Number(b.current) - Number(a.current) || (a.version < b.version ? 1 : -1));
  }

  private stoppedAt(summaries: readonly RecordSummary[]): CountRow[] {
    const counts = new Array<number>(this.model.pages.length + 1).fill(0);
    for (const s of summaries) if (!s.completed) counts[s.furthestPage + 1]! += 1;
    return [
      { label: 'before the first page', count: counts[0] ?? 0 },
      ...this.model.pages.map((p, i) => ({ label: `${i + 1}. ${p.title}`, count: counts[i + 1] ?? 0 })),
    ];
  }

  /** First-attempt and best scores of the current version's quiz, by number right. */
  private scores(summaries: readonly RecordSummary[], questions: QuestionRegistry): Report['scores'] {
    const total = questions.quizSize(this.model.version);
    const first = new Array<number>(total + 1).fill(0);
    const best = new Array<number>(total + 1).fill(0);
    for (const s of summaries) {
      const ours = s.attempts.filter((a) => a.version === this.model.version && a.score !== undefined);
      const one = ours.find((a) => a.number === 1);
      if (one?.score !== undefined) first[Math.round(one.score * total)]! += 1;
      if (ours.length) best[Math.round(Math.max(...ours.map((a) => a.score ?? 0)) * total)]! += 1;
    }
    return first.map((count, right) => ({
      label: `${right}/${total} (${Math.round((right / Math.max(1, total)) * 100)} %)`,
      right,
      first: count,
      best: best[right] ?? 0,
    }));
  }
}

/** Every statement at once: for tests and small reads. */
export function analyse(model: CourseModel, statements: Iterable<unknown>, options: AnalysisOptions): Report {
  const builder = new ReportBuilder(model, options);
  for (const s of statements) builder.add(s);
  return builder.finish();
}

function definitionKey(q: QuestionDefinition): string {
  const shape = isWritten(q) ? 'written' : `${q.interactionType}\n${q.choices.map((c) => c.id).join(',')}\n${q.correct.join('|')}`;
  return `${q.version}\n${q.id}\n${shape}`;
}

const isWritten = (q: { interactionType: string }) => q.interactionType === 'fill-in' || q.interactionType === 'long-fill-in';

/** success as the statement says; else, for a choice, whether the response matches a correct pattern. */
function rightAnswer(q: QuestionDefinition, response: string, success: boolean | undefined): boolean | undefined {
  if (success !== undefined) return success;
  if (isWritten(q) || q.correct.length === 0) return undefined;
  const picked = response.split('[,]').sort().join('[,]');
  return q.correct.some((pattern) => pattern.split('[,]').sort().join('[,]') === picked);
}

/** Attempt numbers as sent; where none was sent, a question answered again within an attempt starts the next one. */
function numberAttempts(answers: readonly AnswerFact[], explicit: readonly (number | undefined)[]): Attempt[] {
  const attempts = new Map<number, Attempt>();
  let inferred = 0;
  let open = new Set<string>();
  answers.forEach((a, i) => {
    let n = explicit[i];
    if (n === undefined) {
      if (inferred === 0 || open.has(a.question.id)) {
        inferred = Math.max(inferred, ...attempts.keys()) + 1;
        open = new Set();
      }
      open.add(a.question.id);
      n = inferred;
    }
    let attempt = attempts.get(n);
    if (!attempt) {
      attempt = { number: n, version: a.question.version, answers: new Map(), score: undefined };
      attempts.set(n, attempt);
    }
    attempt.answers.set(a.question.id, a);
  });
  return [...attempts.values()].sort((x, y) => x.number - y.number);
}

/**
 * Time in the lesson: each session counts for the longest duration its statements report (the course
 * sends the session's duration on completed, passed, failed and terminated), or, for a session that
 * reported none (the tab was closed), from its first statement to its last. cmi5 statements name their
 * session; plain xAPI sessions start at initialized.
 */
function sessionTimes(facts: readonly Fact[]): number[] {
  const sessions: { first: number; last: number; reported: number | undefined }[] = [];
  let currentKey: string | undefined;
  for (const f of facts) {
    const starts = f.session !== undefined ? f.session !== currentKey : f.what.verb === 'initialized' || sessions.length === 0;
    if (starts) sessions.push({ first: f.time, last: f.time, reported: undefined });
    const s = sessions.at(-1)!;
    s.last = f.time;
    if (f.durationMs !== undefined) s.reported = Math.max(s.reported ?? 0, f.durationMs);
    if (f.session !== undefined) currentKey = f.session;
  }
  return sessions.map((s) => s.reported ?? s.last - s.first);
}

interface Codes {
  of(record: LearnerRecord): { learnerCode: string; registrationCode: string };
}

/** Anonymous codes, in the order learners first appear: L0001, and L0001-1, L0001-2 for their registrations. */
function learnerCodes(summaries: readonly RecordSummary[]): Codes {
  const byLearner = new Map<string, RecordSummary[]>();
  for (const s of [...summaries].sort((a, b) => a.first - b.first || (a.record.learner.key < b.record.learner.key ? -1 : 1))) {
    const list = byLearner.get(s.record.learner.key) ?? [];
    list.push(s);
    byLearner.set(s.record.learner.key, list);
  }
  const width = Math.max(4, String(byLearner.size).length);
  const codes = new Map<LearnerRecord, { learnerCode: string; registrationCode: string }>();
  [...byLearner.values()].forEach((list, i) => {
    const learnerCode = `L${String(i + 1).padStart(width, '0')}`;
    list.forEach((s, j) => codes.set(s.record, { learnerCode, registrationCode: `${learnerCode}-${j + 1}` }));
  });
  return { of: (record) => codes.get(record) ?? { learnerCode: '?', registrationCode: '?' } };
}

const STAGES: readonly [FunnelStep['stage'], string, (s: RecordSummary) => boolean][] = [
  ['launched', 'Launched', () => true],
  ['read-every-page', 'Read every page', (s) => s.readEveryPage],
  ['quiz-attempted', 'Quiz attempted', (s) => s.attempts.length > 0],
  ['quiz-passed', 'Quiz passed', (s) => s.quizPassed],
  ['completed', 'Completed', (s) => s.completed],
];

function funnel(summaries: readonly RecordSummary[]): FunnelStep[] {
  return STAGES.map(([stage, label, reached]) => {
    const hit = summaries.filter(reached);
    return { stage, label, registrations: hit.length, learners: new Set(hit.map((s) => s.record.learner.key)).size };
  });
}

function attemptsToPass(summaries: readonly RecordSummary[]): CountRow[] {
  const tried = summaries.filter((s) => s.attempts.length > 0);
  const most = Math.max(0, ...tried.map((s) => s.attemptsToPass ?? 0));
  const rows: CountRow[] = [];
  for (let n = 1; n <= most; n++)
    rows.push({ label: `${n} attempt${n === 1 ? '' : 's'}`, count: tried.filter((s) => s.attemptsToPass === n).length });
  rows.push({ label: 'not passed (yet)', count: tried.filter((s) => s.attemptsToPass === undefined && !s.quizPassed).length });
  const unknown = tried.filter((s) => s.attemptsToPass === undefined && s.quizPassed).length;
  if (unknown) rows.push({ label: 'passed, attempts not recorded', count: unknown });
  return rows;
}

const MINUTE = 60_000;
const TIME_BINS = [5, 10, 15, 20, 30, 45, 60, 90];

function timeInLesson(summaries: readonly RecordSummary[]): Report['timeInLesson'] {
  const times = summaries.map((s) => s.timeMs).sort((a, b) => a - b);
  const histogram: CountRow[] = [];
  let from = 0;
  for (const to of [...TIME_BINS, Infinity]) {
    histogram.push({
      label: to === Infinity ? `${from} min or more` : `${from}–${to} min`,
      count: times.filter((ms) => ms >= from * MINUTE && ms < to * MINUTE).length,
    });
    from = to;
  }
  return {
    medianMs: quantile(times, 0.5),
    p25Ms: quantile(times, 0.25),
    p75Ms: quantile(times, 0.75),
    p90Ms: quantile(times, 0.9),
    histogram,
  };
}

/** The questions the statements were answered under, with what course/ says of the current version's. */
class QuestionRegistry {
  /** Definition key → its question entry. */
  private readonly entries = new Map<string, QuestionEntry>();
  private readonly sizes = new Map<string, number>();

  constructor(
    private readonly model: CourseModel,
    seen: Iterable<QuestionDefinition>,
  ) {
    // The current version's questions from course/ come first, answered or not.
    const fromCourse = model.questions.map((q) => courseDefinition(model, q));
    const all = [...fromCourse, ...seen];
    const variants = new Map<string, string[]>();
    const fromCourseKeys = new Set(fromCourse.map(definitionKey));
    for (const d of all) {
      const key = definitionKey(d);
      const known = this.entries.get(key);
      if (known) {
        // The activity id the answers were sent under (a cmi5 LMS assigns its own AU id) rather than the xAPI package's.
        if (!known.seen) this.entries.set(key, { ...known, definition: { ...known.definition, iri: d.iri }, seen: true });
        continue;
      }
      const idKey = `${d.version}\n${d.id}`;
      const list = variants.get(idKey) ?? [];
      list.push(key);
      variants.set(idKey, list);
      const inCourse = d.version === model.version && fromCourse.some((c) => definitionKey(c) === key);
      this.entries.set(key, { definition: d, variant: list.length - 1, inCourse, role: this.role(d), seen: !fromCourseKeys.has(key) });
    }
    for (const e of this.entries.values())
      if (e.role === 'quiz' && e.variant === 0) this.sizes.set(e.definition.version, (this.sizes.get(e.definition.version) ?? 0) + 1);
    this.sizes.set(model.version, model.questions.filter((q) => q.role === 'quiz').length);
  }

  roleOf(q: QuestionDefinition): QuestionRole {
    return this.entries.get(definitionKey(q))?.role ?? this.role(q);
  }

  /** Questions in the quiz of a version (from course/ for the current one, else those answered in it). */
  quizSize(version: string): number {
    return this.sizes.get(version) ?? 0;
  }

  variantsOf(): { id: string; version: string; count: number }[] {
    const counts = new Map<string, { id: string; version: string; count: number }>();
    for (const e of this.entries.values()) {
      const k = `${e.definition.version}\n${e.definition.id}`;
      const row = counts.get(k) ?? { id: e.definition.id, version: e.definition.version, count: 0 };
      row.count += 1;
      counts.set(k, row);
    }
    return [...counts.values()].filter((r) => r.count > 1);
  }

  tally(summaries: readonly RecordSummary[], t: Thresholds) {
    const tallies = new Map<string, Tally>();
    const tallyOf = (q: QuestionDefinition) => {
      const key = definitionKey(q);
      let tally = tallies.get(key);
      if (!tally) {
        tally = newTally();
        tallies.set(key, tally);
      }
      return tally;
    };
    for (const s of summaries) {
      // Quiz questions: every answer, first-attempt answers, and first attempts ranked by their score.
      for (const a of s.attempts) {
        for (const answer of a.answers.values()) {
          const tally = tallyOf(answer.question);
          count(tally, answer, a.number === 1);
          if (a.number === 1 && a.score !== undefined) tally.ranked.push({ score: a.score, right: answer.right === true });
        }
      }
      // Cases and written questions: the first answer of each learner record is its first attempt.
      const firstSeen = new Set<string>();
      for (const f of s.record.facts) {
        if (f.what.verb !== 'answered') continue;
        const q = f.what.question;
        const role = this.roleOf(q);
        if (role === 'quiz') continue;
        const key = definitionKey(q);
        const tally = tallyOf(q);
        if (role === 'case') {
          count(
            tally,
            { fact: f, question: q, response: f.what.response, right: rightAnswer(q, f.what.response, f.what.success) },
            !firstSeen.has(key),
          );
        } else {
          const latest = tally.written.get(s.record);
          tally.written.set(s.record, { text: f.what.response, at: f.time, submissions: (latest?.submissions ?? 0) + 1 });
        }
        firstSeen.add(key);
      }
    }
    const ordered = [...this.entries.entries()].sort(([, a], [, b]) => this.order(a) - this.order(b) || compareEntries(a, b));
    const choiceReport = (role: 'quiz' | 'case') =>
      ordered.filter(([, e]) => e.role === role).map(([key, e]) => choiceQuestionReport(key, e, tallies.get(key) ?? newTally(), role, t));
    return {
      quiz: choiceReport('quiz'),
      cases: choiceReport('case'),
      written: (codes: Codes, named: boolean): WrittenQuestionReport[] =>
        ordered
          .filter(([, e]) => e.role === 'written')
          .map(([key, e]) => ({
            key: entryKey(e),
            id: e.definition.id,
            version: versionLabel(e.definition.version),
            text: e.definition.text,
            inCourse: e.inCourse,
            answers: [...(tallies.get(key)?.written ?? new Map<LearnerRecord, WrittenTally>())]
              .map(([record, w]) => {
                const code = codes.of(record);
                return {
                  learner: named ? (record.learner.name ?? code.learnerCode) : code.learnerCode,
                  registration: named ? record.registration : code.registrationCode,
                  at: new Date(w.at).toISOString(),
                  text: w.text,
                  submissions: w.submissions,
                };
              })
              .sort((a, b) => (a.at < b.at ? -1 : 1)),
          })),
    };
  }

  private role(d: QuestionDefinition): QuestionRole {
    const known = this.model.questions.find((q) => q.id === d.id);
    if (isWritten(d)) return 'written';
    if (known && known.role !== 'written') return known.role;
    return d.id.startsWith(`${this.model.quizId}.`) ? 'quiz' : 'case';
  }

  /** Current version in course/ order first, then other versions, newest first. */
  private order(e: QuestionEntry): number {
    if (e.definition.version !== this.model.version) return this.model.questions.length + 1;
    const i = this.model.questions.findIndex((q) => q.id === e.definition.id);
    return i === -1 ? this.model.questions.length : i;
  }
}

interface QuestionEntry {
  readonly definition: QuestionDefinition;
  /** The definition's activity id is one an answer was sent under (not only course/'s). */
  readonly seen: boolean;
  readonly variant: number;
  readonly inCourse: boolean;
  readonly role: QuestionRole;
}

interface WrittenTally {
  readonly text: string;
  readonly at: number;
  readonly submissions: number;
}

interface Tally {
  answers: number;
  first: number;
  right: number;
  firstRight: number;
  unknown: number;
  readonly chosen: Map<string, number>;
  readonly firstChosen: Map<string, number>;
  readonly ranked: RankedAnswer[];
  readonly written: Map<LearnerRecord, WrittenTally>;
}

const newTally = (): Tally => ({
  answers: 0,
  first: 0,
  right: 0,
  firstRight: 0,
  unknown: 0,
  chosen: new Map(),
  firstChosen: new Map(),
  ranked: [],
  written: new Map(),
});

function count(tally: Tally, answer: AnswerFact, first: boolean): void {
  tally.answers += 1;
  if (answer.right) tally.right += 1;
  if (first) {
    tally.first += 1;
    if (answer.right) tally.firstRight += 1;
  }
  const options = new Set(answer.question.choices.map((c) => c.id));
  for (const id of answer.response.split('[,]')) {
    if (!options.has(id)) {
      tally.unknown += 1;
      continue;
    }
    tally.chosen.set(id, (tally.chosen.get(id) ?? 0) + 1);
    if (first) tally.firstChosen.set(id, (tally.firstChosen.get(id) ?? 0) + 1);
  }
}

const compareEntries = (a: QuestionEntry, b: QuestionEntry) =>
  a.definition.version === b.definition.version
    ? a.definition.id === b.definition.id
      ? a.variant - b.variant
      : a.definition.id < b.definition.id
        ? -1
        : 1
    : a.definition.version < b.definition.version
      ? 1
      : -1;

const entryKey = (e: QuestionEntry) => `${e.definition.id}@${versionLabel(e.definition.version)}${e.variant ? `#${e.variant + 1}` : ''}`;

function choiceQuestionReport(_key: string, e: QuestionEntry, tally: Tally, role: 'quiz' | 'case', t: Thresholds): ChoiceQuestionReport {
  const d = e.definition;
  const correct = new Set(d.correct.flatMap((p) => p.split('[,]')));
  const options = d.choices.map((c) => ({
    id: c.id,
    text: c.text,
    correct: correct.has(c.id),
    chosen: tally.chosen.get(c.id) ?? 0,
    firstAttemptChosen: tally.firstChosen.get(c.id) ?? 0,
  }));
  const judged = {
    options,
    firstAttemptAnswers: tally.first,
    firstAttemptRight: tally.firstRight,
    discrimination: role === 'quiz' ? discrimination(tally.ranked, t.groupShare) : undefined,
  };
  return {
    key: entryKey(e),
    id: d.id,
    version: versionLabel(d.version),
    variant: e.variant,
    role,
    text: d.text,
    iri: d.iri,
    inCourse: e.inCourse,
    options,
    answers: tally.answers,
    firstAttemptAnswers: tally.first,
    right: tally.right,
    firstAttemptRight: tally.firstRight,
    unknownResponses: tally.unknown,
    discrimination: judged.discrimination,
    flags: role === 'quiz' ? flagsFor(judged, t) : [],
  };
}

/** The current version's question as the course sends it (same id rules as the trackers). */
function courseDefinition(model: CourseModel, q: ModelQuestion): QuestionDefinition {
  return {
    id: q.id,
    version: model.version,
    iri: `${model.lessonIri}/interactions/${encodeURIComponent(q.id)}`,
    interactionType: q.kind === 'choice' ? 'choice' : 'fill-in',
    text: q.text,
    choices: q.choices.map((c) => ({ id: c.id, text: c.text })),
    correct: q.kind === 'choice' ? [q.correct.join('[,]')] : [],
  };
}

function notices(report: Report, model: CourseModel, questions: QuestionRegistry): string[] {
  const out: string[] = [];
  const read = report.read;
  const others = read.otherCourses.reduce((n, c) => n + c.statements, 0);
  if (others)
    out.push(
      `${others} statement${others === 1 ? '' : 's'} under ${read.activity} belong to other courses and were left out: ${read.otherCourses
        .slice(0, 5)
        .map((c) => `${c.course} (${c.statements})`)
        .join(', ')}${read.otherCourses.length > 5 ? ', …' : ''}.`,
    );
  for (const v of report.versions)
    if (!v.current && v.answers)
      out.push(
        v.version === UNVERSIONED
          ? `${v.answers} answers name no content version (sent before the course named its version): their questions are reported apart, as version "${UNVERSIONED}".`
          : `${v.answers} answers were given to content version ${v.version}, not the current ${model.version}: their questions are reported under that version, never merged with the current ones.`,
      );
  for (const v of questions.variantsOf())
    out.push(
      `Question ${v.id} of version ${versionLabel(v.version)} was answered under ${v.count} different definitions (its options or right answer changed without a new version number): each is reported apart.`,
    );
  const unreadable = read.unreadable.reduce((n, u) => n + u.statements, 0);
  if (unreadable)
    out.push(
      `${unreadable} statement${unreadable === 1 ? ' was' : 's were'} left out as unreadable: ${read.unreadable.map((u) => `${u.why} (${u.statements})`).join('; ')}.`,
    );
  if (read.duplicates) out.push(`${read.duplicates} statements came more than once from the LRS and were counted once.`);
  if (read.voided) out.push(`${read.voided} voided statements were left out.`);
  return out;
}
