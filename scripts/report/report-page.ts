/**
 * report.html: one self-contained page (its styles inline, its charts drawn
 * as SVG at report time, no script, nothing fetched), rendered with Lit's
 * server-only templates, which escape every value put in them: learners'
 * written answers and question texts can never become markup.
 *
 * Each chart sits beside its data table (the table is what a screen reader
 * reads); the page prints on A4/Letter with no chart or table cut in two.
 */
import { html, render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { COLOURS, horizontalBars, pairedColumns } from './charts.js';
import type { ChoiceQuestionReport, CountRow, Report, WrittenQuestionReport } from './report-data.js';

/** Written answers shown per question in the page; all of them are in report.json and written.csv. */
export const WRITTEN_SHOWN = 100;

type Template = ReturnType<typeof html>;

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}\u00a0%` : '–');
const num = (n: number) => n.toLocaleString('en-US');
const minutes = (ms: number | undefined) => (ms === undefined ? '–' : `${Math.round(ms / 60_000)} min`);
const date = (iso: string | undefined) => (iso ? iso.slice(0, 10) : undefined);

const STYLES = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --right: ${COLOURS.right}; --warn: #9a3412; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p, li { max-width: 70ch; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .9rem; min-width: 10rem; }
.figures strong { display: block; font-size: 1.4rem; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 60rem) { .pair { grid-template-columns: 1fr; } }
figure { margin: 0; }
figure svg { width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
.pair.options { grid-template-columns: 1fr; }
.options figure { max-width: 46rem; }
.options th[scope="row"] { white-space: nowrap; }
.right-answer { color: var(--right); font-weight: 600; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; vertical-align: -.05em; }
.flags { padding-left: 1.2rem; color: var(--warn); }
.flags li { margin: .15rem 0; }
.ok { color: var(--muted); }
.notices { border-left: 4px solid var(--warn); padding: .5rem 1rem; background: #fff7ed; }
.question { break-inside: avoid; }
blockquote { margin: .25rem 0 .75rem; padding: .25rem .75rem; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.written li { list-style: none; }
.written ul { padding: 0; }
.who { color: var(--muted); font-size: .85rem; }
code { font-size: .9em; overflow-wrap: anywhere; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  .pair, figure, table, .question, .notices { break-inside: avoid; }
  .pair { grid-template-columns: 1fr 1fr; }
  .pair.options { grid-template-columns: 1fr; }
  a { color: inherit; }
}
`;

function countTable(caption: string, head: [string, string], rows: readonly CountRow[], total?: number): Template {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${head[0]}</th>
        <th scope="col" class="n">${head[1]}</th>
        ${total === undefined ? '' : html`<th scope="col" class="n">Share</th>`}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <th scope="row">${r.label}</th>
            <td class="n">${num(r.count)}</td>
            ${total === undefined ? '' : html`<td class="n">${pct(r.count, total)}</td>`}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const figure = (svg: string, caption: string | Template) =>
  html`<figure>
    ${unsafeHTML(svg)}
    <figcaption>${caption}</figcaption>
  </figure>`;

function funnelSection(r: Report): Template {
  const launched = r.funnel[0]?.registrations ?? 0;
  const svg = horizontalBars(
    r.funnel.map((s) => ({ label: s.label, value: s.registrations })),
    { label: 'Funnel: learner records at each stage (the numbers are in the table beside it)', x: 'learner records' },
  );
  const stopped = r.stoppedAt.filter((row) => row.count > 0);
  const stoppedTotal = stopped.reduce((n, row) => n + row.count, 0);
  return html`<section aria-labelledby="funnel">
    <h2 id="funnel">Where learners get to</h2>
    <p>
      A learner record is one learner in one registration (one enrolment in the LMS). Each stage counts the records that reached it; a
      learner may attempt the quiz before reading every page.
    </p>
    <div class="pair">
      ${figure(svg, 'Funnel of learner records from launch to completion.')}
      <table>
        <caption>
          Funnel
        </caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" class="n">Learner records</th>
            <th scope="col" class="n">Of launched</th>
            <th scope="col" class="n">Learners</th>
          </tr>
        </thead>
        <tbody>
          ${r.funnel.map(
            (s) =>
              html`<tr>
                <th scope="row">${s.label}</th>
                <td class="n">${num(s.registrations)}</td>
                <td class="n">${pct(s.registrations, launched)}</td>
                <td class="n">${num(s.learners)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>Where learners who have not completed stopped</h3>
    ${
      stoppedTotal === 0
        ? html`<p class="ok">Every learner record has completed the lesson.</p>`
        : html`<div class="pair">
            ${figure(
              horizontalBars(
                stopped.map((row) => ({ label: row.label, value: row.count })),
                {
                  label: 'Furthest page reached by learner records that have not completed (numbers in the table beside it)',
                  x: 'learner records',
                },
              ),
              'Furthest page reached, for learner records that have not completed.',
            )}
            ${countTable('Furthest page reached (not completed)', ['Page', 'Learner records'], stopped, stoppedTotal)}
          </div>`
    }
  </section>`;
}

function scoreSection(r: Report): Template {
  const first = r.scores.reduce((n, s) => n + s.first, 0);
  const best = r.scores.reduce((n, s) => n + s.best, 0);
  const rows = r.scores.flatMap((s) => [
    { label: s.label, series: 'First attempt', value: s.first },
    { label: s.label, series: 'Best attempt', value: s.best },
  ]);
  const tried = r.attemptsToPass.reduce((n, row) => n + row.count, 0);
  return html`<section aria-labelledby="scores">
    <h2 id="scores">Quiz scores and attempts</h2>
    <p>
      Version ${r.course.version} of the quiz (${r.course.quizQuestions} questions); the pass mark is
      ${Math.round(r.course.passingScore * 100)} %.
    </p>
    <div class="pair">
      ${figure(
        pairedColumns(rows, {
          label: 'Score histogram: learner records by questions right, first attempt and best attempt (numbers in the table beside it)',
          y: 'learner records',
          series: ['First attempt', 'Best attempt'],
        }),
        html`Learner records by questions right: <span class="swatch" style="background:${COLOURS.count}"></span> first attempt,
          <span class="swatch" style="background:${COLOURS.second}"></span> best attempt.`,
      )}
      <table>
        <caption>
          Score distribution
        </caption>
        <thead>
          <tr>
            <th scope="col">Questions right</th>
            <th scope="col" class="n">First attempt</th>
            <th scope="col" class="n">Best attempt</th>
          </tr>
        </thead>
        <tbody>
          ${r.scores.map(
            (s) =>
              html`<tr>
                <th scope="row">${s.label}</th>
                <td class="n">${num(s.first)}</td>
                <td class="n">${num(s.best)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Learner records</th>
            <td class="n">${num(first)}</td>
            <td class="n">${num(best)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
    <h3>Attempts until a pass</h3>
    <div class="pair">
      ${figure(
        horizontalBars(
          r.attemptsToPass.map((row) => ({
            label: row.label,
            value: row.count,
            colour: row.label.startsWith('not') ? COLOURS.wrong : COLOURS.count,
          })),
          {
            label: 'Attempts until a pass, for learner records that attempted the quiz (numbers in the table beside it)',
            x: 'learner records',
          },
        ),
        'Quiz attempts each learner record needed to pass.',
      )}
      ${countTable('Attempts until a pass', ['Attempts', 'Learner records'], r.attemptsToPass, tried)}
    </div>
    <h3>Time in the lesson</h3>
    <p>
      Median ${minutes(r.timeInLesson.medianMs)} (half of the learner records between ${minutes(r.timeInLesson.p25Ms)} and
      ${minutes(r.timeInLesson.p75Ms)}; 90 % under ${minutes(r.timeInLesson.p90Ms)}), adding up every session.
    </p>
    <div class="pair">
      ${figure(
        horizontalBars(
          r.timeInLesson.histogram.map((row) => ({ label: row.label, value: row.count })),
          { label: 'Time in the lesson per learner record (numbers in the table beside it)', x: 'learner records' },
        ),
        'Learner records by time spent in the lesson, all sessions added up.',
      )}
      ${countTable('Time in the lesson', ['Time', 'Learner records'], r.timeInLesson.histogram)}
    </div>
  </section>`;
}

function optionLabel(o: { id: string; correct: boolean }): string {
  return o.correct ? `${o.id} ✓ right answer` : o.id;
}

function choiceQuestion(q: ChoiceQuestionReport, level: 'h3' | 'h4' = 'h3'): Template {
  const heading = html`${q.id}${q.version ? html` <span class="who">(version ${q.version}${q.variant ? `, definition ${q.variant + 1}` : ''})</span>` : ''}`;
  const svg = horizontalBars(
    q.options.map((o) => ({ label: optionLabel(o), value: o.chosen, colour: o.correct ? COLOURS.right : COLOURS.wrong })),
    {
      label: `Option choices for ${q.id}, over all answers; the right answer is marked (numbers in the table beside it)`,
      x: 'answers choosing it',
    },
  );
  const d = q.discrimination;
  return html`<article class="question" aria-labelledby=${`q-${q.key}`}>
    ${level === 'h3' ? html`<h3 id=${`q-${q.key}`}>${heading}</h3>` : html`<h4 id=${`q-${q.key}`}>${heading}</h4>`}
    <p>${q.text}</p>
    <p>
      Right on the first attempt: <strong>${pct(q.firstAttemptRight, q.firstAttemptAnswers)}</strong> (${num(q.firstAttemptRight)} of
      ${num(q.firstAttemptAnswers)}); over all answers: <strong>${pct(q.right, q.answers)}</strong> (${num(q.right)} of ${num(q.answers)}).
      ${
        q.role === 'quiz'
          ? d
            ? html`Discrimination index <strong>${d.index.toFixed(2)}</strong> (upper ${d.groupSize} learners ${pct(d.upperRight, 1)} right,
                lower ${d.groupSize} ${pct(d.lowerRight, 1)}; ${num(d.ranked)} ranked).`
            : 'Discrimination index: too few learners to rank.'
          : ''
      }
      ${q.unknownResponses ? html`${num(q.unknownResponses)} answers named no option of this question.` : ''}
    </p>
    ${
      q.role === 'quiz'
        ? q.flags.length
          ? html`<ul class="flags" aria-label=${`Flags for ${q.id}`}>
              ${q.flags.map((f) => html`<li>⚠ ${f.message}</li>`)}
            </ul>`
          : html`<p class="ok">No flags.</p>`
        : ''
    }
    <div class="pair options">
      ${figure(svg, html`Answers choosing each option; <span class="right-answer">✓ right answer</span> in green, wrong ones in grey.`)}
      <table>
        <caption>
          Options of ${q.id}
        </caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Text</th>
            <th scope="col" class="n">All answers</th>
            <th scope="col" class="n">First attempts</th>
          </tr>
        </thead>
        <tbody>
          ${q.options.map(
            (o) =>
              html`<tr>
                <th scope="row">${o.correct ? html`<span class="right-answer">${o.id} ✓ right</span>` : o.id}</th>
                <td>${o.text}</td>
                <td class="n">${num(o.chosen)} (${pct(o.chosen, q.answers)})</td>
                <td class="n">${num(o.firstAttemptChosen)} (${pct(o.firstAttemptChosen, q.firstAttemptAnswers)})</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </article>`;
}

function writtenQuestion(w: WrittenQuestionReport): Template {
  const shown = w.answers.slice(-WRITTEN_SHOWN).reverse();
  return html`<article class="question written" aria-labelledby=${`w-${w.key}`}>
    <h3 id=${`w-${w.key}`}>${w.id} <span class="who">(version ${w.version})</span></h3>
    <p>${w.text}</p>
    <p>
      ${num(w.answers.length)} learner record${w.answers.length === 1 ? '' : 's'}
      answered${
        w.answers.length > shown.length ? html`; the newest ${shown.length} are shown (all are in written.csv and report.json)` : ''
      }.
    </p>
    <ul>
      ${shown.map(
        (a) =>
          html`<li>
            <span class="who"
              >${a.learner} · ${a.registration} · ${date(a.at)}${a.submissions > 1 ? ` · revised ${a.submissions - 1}×` : ''}</span
            >
            <blockquote>${a.text}</blockquote>
          </li>`,
      )}
    </ul>
  </article>`;
}

function aboutSection(r: Report): Template {
  const t = r.thresholds;
  return html`<section aria-labelledby="about">
    <h2 id="about">How to read this report</h2>
    <ul>
      <li>
        A <strong>learner record</strong> is one learner (actor) in one registration. Learners are shown as anonymous codes (L0001, and
        L0001-1 for their first registration) unless the report was run with <code>--names</code>.
      </li>
      <li>
        <strong>First attempt</strong>: attempt 1 of a learner record (the course sends the attempt number with each quiz answer). Question
        figures and flags use first attempts: a retake follows the feedback on the first.
      </li>
      <li>
        <strong>Discrimination index</strong>: the share right among the top ${pct(t.groupShare, 1)} of learner records by first-attempt
        quiz score, minus the share right among the bottom ${pct(t.groupShare, 1)}. Learners tied at a group's edge share the places left,
        so the figure does not depend on the order the LRS returned them in.
      </li>
      <li>
        Flags: <em>too few answers</em> under ${t.minFirstAttemptAnswers} first-attempt answers (nothing else is judged then);
        <em>most learners miss it</em> under ${pct(t.mostMiss, 1)} right on the first attempt; <em>a distractor nobody picks</em> when a
        wrong option is chosen in under ${pct(t.unusedDistractor, 1)} of first attempts;
        <em>a wrong option chosen more often than the right one</em> on first attempts; <em>does not tell strong from weak learners</em> for
        a discrimination index under ${t.lowDiscrimination}.
      </li>
      <li>
        Questions are reported per content version (the course's <code>version</code>, sent as <code>context.revision</code>): answers to an
        older version are never added to a question of the current one.
      </li>
      <li>Each statement is counted once (by its id); voided statements are left out.</li>
    </ul>
  </section>`;
}

export function reportPage(r: Report): string {
  const quizCurrent = r.quiz.filter((q) => q.version === r.course.version);
  const quizOther = r.quiz.filter((q) => q.version !== r.course.version);
  const casesCurrent = r.cases.filter((q) => q.version === r.course.version);
  const casesOther = r.cases.filter((q) => q.version !== r.course.version);
  const launched = r.funnel[0]?.registrations ?? 0;
  const stage = (s: string) => r.funnel.find((f) => f.stage === s)?.registrations ?? 0;
  const learners = r.funnel[0]?.learners ?? 0;
  const flagged = quizCurrent.filter((q) => q.flags.some((f) => f.code !== 'too-few-answers')).length;
  const range = r.read.since || r.read.until ? `${date(r.read.since) ?? 'the start'} to ${date(r.read.until) ?? 'now'}` : 'all dates';
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Item analysis: ${r.course.title} (version ${r.course.version})</title>
        ${unsafeHTML(`<style>${STYLES}</style>`) /* a constant of this file: no learner or LRS text */}
      </head>
      <body>
        <main>
          <header>
            <h1>Item analysis: ${r.course.title}</h1>
            <div class="meta">
              <dl>
                <dt>Course</dt>
                <dd>${r.course.id}, version ${r.course.version}</dd>
                <dt>Activity</dt>
                <dd><code>${r.read.activity}</code></dd>
                ${
                  r.read.endpoint
                    ? html`<dt>LRS</dt>
                        <dd><code>${r.read.endpoint}</code></dd>`
                    : ''
                }
                <dt>Dates</dt>
                <dd>${range}</dd>
                <dt>Statements</dt>
                <dd>${num(r.read.counted)} counted of ${num(r.read.received)} received</dd>
                <dt>Made</dt>
                <dd>${r.generatedAt.replace('T', ' ').slice(0, 16)} UTC</dd>
              </dl>
            </div>
          </header>
          <ul class="figures" aria-label="Key figures">
            <li><strong>${num(learners)}</strong> learners</li>
            <li><strong>${num(launched)}</strong> learner records</li>
            <li><strong>${pct(stage('completed'), launched)}</strong> completed</li>
            <li><strong>${pct(stage('quiz-passed'), stage('quiz-attempted'))}</strong> of quiz takers passed</li>
            <li><strong>${minutes(r.timeInLesson.medianMs)}</strong> median time</li>
            <li><strong>${flagged}</strong> of ${quizCurrent.length} questions flagged</li>
          </ul>
          ${
            r.notices.length
              ? html`<section class="notices" aria-labelledby="notices">
                  <h2 id="notices">About this data</h2>
                  <ul>
                    ${r.notices.map((n) => html`<li>${n}</li>`)}
                  </ul>
                </section>`
              : ''
          }
          ${funnelSection(r)} ${scoreSection(r)}
          <section aria-labelledby="quiz">
            <h2 id="quiz">Quiz questions</h2>
            ${quizCurrent.map((q) => choiceQuestion(q))}
          </section>
          ${
            casesCurrent.length
              ? html`<section aria-labelledby="cases">
                  <h2 id="cases">Micro-activity cases</h2>
                  <p>Each case is answered once per learner record; the first answer is the one counted as its first attempt.</p>
                  ${casesCurrent.map((q) => choiceQuestion(q))}
                </section>`
              : ''
          }
          ${
            quizOther.length || casesOther.length
              ? html`<section aria-labelledby="other-versions">
                  <h2 id="other-versions">Questions of other content versions</h2>
                  <p>
                    Answered under another version of the lesson (or under another definition of a question): reported under their own
                    version, never merged with the current questions.
                  </p>
                  ${[...quizOther, ...casesOther].map((q) => choiceQuestion(q))}
                </section>`
              : ''
          }
          ${
            r.written.length
              ? html`<section aria-labelledby="written">
                  <h2 id="written">Written answers</h2>
                  <p>Each learner record's latest answer, newest first, for the author to read.</p>
                  ${r.written.map(writtenQuestion)}
                </section>`
              : ''
          }
          ${aboutSection(r)}
        </main>
      </body>
    </html>`;
  return collectResultSync(render(page));
}
