/**
 * dist/UPLOAD.md: how an admin uploads each package the build wrote, to Moodle
 * and Canvas, which settings fit this one-SCO lesson per standard, and what
 * the LMS's reports will show. The tables of questions, interaction ids and
 * choice ids are generated from the lesson, so they always match the package.
 *
 * Only what could be checked is said: Moodle's setting names are those of its
 * SCORM module (mod/scorm language strings) and its player's behaviour that of
 * mod/scorm/datamodels; where a detail could not be checked the text says so.
 */
import type { Lesson } from '../../src/content/lesson.js';
import { placeholderHost } from '../../src/content/load-course.js';
import { duplicateLmsIds, toLmsId } from '../../src/tracking/scorm/identifiers.js';
import { questionSlots, type QuestionSlot } from '../../src/tracking/scorm/interaction-slots.js';
import { scorm12Response } from '../../src/tracking/scorm/responses.js';
import { activityIris } from '../../src/packaging/identifiers.js';
import { courseActivityText } from '../../src/packaging/tincan-activities.js';
import { STANDARD_NAMES } from '../check/types.js';
import type { BuiltZip } from './build-report.js';

/** `styleHash`: the CSP source that allows the packages' one inline style (src/build/critical-style.ts). */
export function uploadGuide(lesson: Lesson, zips: readonly BuiltZip[], styleHash?: string): string {
  const slots = questionSlots(lesson);
  assertDistinctIds(slots);
  const pass = Math.round(lesson.settings.passingScore * 100);
  const files = zips.map(
    (zip) =>
      `| \`${zip.name}\` | ${zip.report.standard ? STANDARD_NAMES[zip.report.standard] : '?'} | \`${zip.report.info.identifier ?? '—'}\` |`,
  );
  return `# Uploading "${md(lesson.title)}" (v${md(lesson.version)})

Written by \`npm run build\`; every package below passed \`npm run check\`.
${placeholderNote(lesson)}
| file | standard | identifier the LMS tracks |
| --- | --- | --- |
${files.join('\n')}

Re-uploading a rebuilt package keeps the same identifiers, so the LMS keeps learners' records. A
learner in the middle of an attempt resumes it on the new version: every answer stays under its own
question, even when questions or pages were added, removed or reordered (README, "Re-uploading a
changed lesson", says what a resumed learner keeps).

## What the lesson reports

- **Score**: 0 to 100, the share of quiz questions answered correctly; the **best** score of the
  attempt is kept (a weaker retake never lowers it).
- **Passed** at ${pass} % or more, otherwise **failed**, judged on that best score. A pass is
  never taken back. The pass mark is in both SCORM manifests (1.2 \`adlcp:masteryscore\` ${pass};
  2004 \`imsss:minNormalizedMeasure\` ${lesson.settings.passingScore} on the primary objective), so an
  LMS that applies it reaches the same status as the lesson. If an admin sets another mastery
  score in the LMS, the lesson uses that one.
- **Completed** once every page has been visited and the quiz submitted.
- **SCORM 1.2** has one status for both: \`incomplete\` until the lesson is completed, then
  \`passed\` or \`failed\` (with the score). **SCORM 2004** reports them apart:
  \`cmi.completion_status\` completed/incomplete and \`cmi.success_status\` passed/failed.
- **Time**: the time of each session, sent at every save, so a closed window still counts.
- **Every answer** (${slots.length} questions, listed below), each in its own, fixed place.

## Which package for which LMS

| LMS | upload | why |
| --- | --- | --- |
| Moodle | SCORM 1.2 | Moodle's SCORM player passes the ADL SCORM 1.2 conformance tests; its SCORM 2004 support is partial (Moodle Docs, SCORM FAQ). SCORM 2004 works too, with the settings below. |
| Canvas | SCORM 1.2 | through Canvas's SCORM tool (check whether your instance's tool also takes SCORM 2004). |
| An LMS with a full SCORM 2004 player | SCORM 2004 | reports completion and pass/fail separately. |
| An LMS that imports cmi5 | cmi5 | xAPI statements in an LRS, launched and credentialed by the LMS. |
| An LMS or launcher for "Tin Can" packages (tincan.xml) with an LRS | xAPI | the LMS passes the LRS endpoint and credentials in the launch URL. |
| Not sure | SCORM 1.2 | the most widely supported. |

## Moodle: activity "SCORM package"

Turn editing on, **Add an activity or resource → SCORM package**, and choose the zip as
**Package file** (or drag the zip onto the course page). Then, for either standard:

- **Appearance**: **Display package** *Current window* keeps learners inside Moodle (*New window*
  opens a pop-up, which some browsers block; the lesson works in either). This is a single page of
  content with its own navigation, so hide Moodle's: **Display course structure in player** *Hidden*,
  **Show Navigation** *No*, **Display course structure on entry page** *No*, **Student skip content
  structure page** *Always*. **Height** at least 700 (pixels) or 100 %: the lesson scrolls inside it.
- **Grade**: **Grading method** *Highest grade*, **Maximum grade** 100 (the score is a percentage).
  (*Learning objects* grades by the number of completed/passed learning objects instead; there is one.)
- **Attempts management**: **Attempts grading** *Highest attempt*, which matches how the lesson keeps
  a pass. **Force new attempt** *When previous attempt completed, passed or failed*: otherwise Moodle
  reopens a finished attempt in **Review mode**, where nothing is recorded (see "Retakes" below).
  **Number of attempts**: unlimited, or the number of tries you allow.

| setting | SCORM 1.2 | SCORM 2004 |
| --- | --- | --- |
| **Activity completion → Require status** | *Passed* (1.2 reports passed only once every page has been visited and the quiz passed) | *Passed* only. Not *Completed*: in 2004 completion and success are separate, and a learner who visited every page and failed the quiz is *completed*. |
| **Require minimum score** | optional: ${pass} | optional: ${pass} |
| **Mastery score overrides status** | either: the manifest's mastery score (${pass}) gives the same status as the lesson | — |
| pass mark the LMS hands the lesson | \`cmi.student_data.mastery_score\` = ${pass} | \`cmi.scaled_passing_score\` = ${lesson.settings.passingScore} (without it in the manifest Moodle would hand 1, i.e. 100 %) |

### How an attempt ends

Both SCORM packages end an attempt once it is **completed and passed**: \`cmi.exit\` "normal"
(SCORM 1.2: \`cmi.core.exit\` "", its normal exit). Anything else, a failed quiz included, is
**suspended**, so the learner comes back to it with everything kept. A full SCORM 2004 player then
starts a new attempt at the next launch of a finished one; Moodle decides by the status instead
(below). When the learner uses the lesson's Exit, SCORM 2004 also asks the player to leave the
course (\`adl.nav.request\` \`exitAll\`, or \`suspendAll\` for an unfinished attempt); Moodle's
player accepts it and stays on its page. The lesson saves within a second of every action, so a
window closed at any moment keeps what the learner did, even on an LMS that cannot save while a
page closes.

### Retakes and Review mode

A failed quiz can be retaken at once, as often as the learner wants, in the same session. The
lesson reports **failed** when the learner leaves after failing: failed is a true, final result
of that attempt, and completion settings ("Require status: Passed") still wait for a pass. Moodle
then counts the attempt as finished: on the next launch it opens it in **Review mode**, where the
lesson says so and tells the learner to tick **Start a new attempt** before **Enter**; with
**Force new attempt** as above, Moodle starts the new attempt itself. In a new attempt the
lesson starts from page 1; the table of contents takes a learner who has already read it straight
to the quiz. The lesson counts as completed only once every page has been opened in that attempt
too: until then SCORM 2004 reports the pass with completion *incomplete*, and SCORM 1.2 reports
*incomplete*. (Teams that prefer *incomplete* until a pass can set **Require status: Passed**
and leave the failed attempt in the gradebook: Moodle records the highest attempt.)

### What admins see: Reports → Interactions

Each question has one column, in the lesson's reading order (the \`#\` below is its place in a new
attempt; an attempt begun before a re-upload that added or moved questions keeps its own order, and
new questions come after), with the same id in every attempt and session; a retake within an attempt
replaces the answer in its column. SCORM 2004 also sends each
question's text (\`description\`). Ids use only letters, digits, \`_\` and \`.\`, which every LMS accepts.

${interactionTable(slots)}

The same questions in **xAPI and cmi5** statements (an LRS report) are activities named
\`<lesson activity id>/interactions/<id>\`, with the ids of \`course/\` as written (hyphens kept:
\`${slots[0] ? encodeURIComponent(slots[0].key) : 'quiz-1.q1'}\` where SCORM says \`${slots[0]?.lmsId ?? 'quiz_1.q1'}\`), and each page is
\`<lesson activity id>/pages/<page id>\`. The lesson activity id is \`${activityIris(lesson).lesson}\` for the
xAPI package (unless the LMS passes its own \`activity_id\` at launch) and, for cmi5, the
\`activityId\` the LMS passes at launch (usually the AU id \`${activityIris(lesson).au}\`). The
statements' course activity is \`${activityIris(lesson).course}\`, named "${md(courseActivityText(lesson).name)}" there and in
\`cmi5.xml\` and \`tincan.xml\`. SCORM ids differ on purpose: SCORM 2004 LMSs such as Moodle accept
only letters, digits, \`_\` and \`.\`, while xAPI ids are IRIs that LRSs already hold records under.

Answers to choice questions are reported as ids: SCORM 1.2 can only send one character per option
(its position: a, b, c, …); SCORM 2004 sends the option id. What they mean:

${choiceTable(slots)}

Written answers (fill-in) are reported as the learner typed them (SCORM 1.2: up to 255 characters).

## Moodle: xAPI and cmi5

Moodle's SCORM package activity imports SCORM and AICC packages only. Packages with
\`tincan.xml\` or \`cmi5.xml\` need a plugin and a Learning Record Store (LRS):

- **xAPI Launch Link** (\`mod_tincanlaunch\`, in the Moodle plugins directory) launches xAPI
  content with the Rustici ("Tin Can") launch method and sends statements to a separate LRS.
  See its documentation for whether it takes the zip or the URL of the unzipped package on a web server.
- **cmi5 Launch Link** (\`mod_cmi5launch\`, published by ADL) needs Moodle 4.0 or later, an LRS and a
  running instance of ADL's CATAPULT cmi5 player.

Both are third-party plugins that a site administrator installs; check their current documentation.

## Canvas

Upload the SCORM zip through the **SCORM** item in the course navigation (if your course has none,
ask your Canvas administrator). Content must come through that tool: Canvas signs its SCORM launch
links, so links to SCORM content pasted elsewhere do not work.

| | SCORM 1.2 | SCORM 2004 |
| --- | --- | --- |
| grade | map the **score** (\`cmi.core.score.raw\`, 0–100) to the assignment's points | map the **score** (\`cmi.score.raw\` 0–100, or \`cmi.score.scaled\` 0–1) |
| done when | \`cmi.core.lesson_status\` is *passed* | \`cmi.success_status\` is *passed* (not \`cmi.completion_status\` alone: a failed learner can be *completed*) |
| retake | a new attempt, if the tool allows several | the same |

The names of Canvas's mapping options differ between Canvas versions and were not checked here:
look them up in your instance's SCORM settings. The interaction ids and choice ids are those in the
Moodle tables above.
${styleHash ? cspSection(styleHash) : ''}`;
}

function cspSection(styleHash: string): string {
  return `
## Serving the course under a Content-Security-Policy

The packages run no inline script and load nothing from other hosts. Their \`index.html\` has one
inline \`<style>\` (the page's own stylesheet, so the lesson's header paints as soon as the page
arrives); allow it by its hash:

\`\`\`
default-src 'none'; script-src 'self'; style-src 'self' ${styleHash}; img-src 'self' data:; connect-src 'self' <your LRS, for xAPI and cmi5>; base-uri 'none'; form-action 'none'
\`\`\`

Without the hash the browser refuses the inline copy (and logs it) and the same stylesheet comes from
\`assets/style.css\` a moment later; nothing else changes. The hash changes only when the lesson's
stylesheet does; this file always gives the one of the packages above.
`;
}

/** While course.yaml's baseIri is the shipped placeholder, say so where admins read the ids. */
function placeholderNote(lesson: Lesson): string {
  const host = placeholderHost(lesson.baseIri);
  if (!host) return '';
  return `
> **Not ready for an LRS**: the xAPI and cmi5 ids below start with \`${lesson.baseIri}\`, the placeholder
> \`baseIri\` of \`course/course.yaml\` (${host} is reserved for examples). Ask the course author to set
> it to an address your organisation controls and rebuild before you upload the xAPI or cmi5 package:
> LRSs keep records under these ids. (SCORM LMSs track the manifest identifiers instead; the SCORM 2004
> metadata names it as the catalog entry only.)
`;
}

/** Two questions (or two options of one question) must never share an LMS id. */
function assertDistinctIds(slots: readonly QuestionSlot[]): void {
  const problems = duplicateLmsIds(slots.map((s) => s.key)).map((id) => `two questions would both be reported as "${id}"`);
  for (const slot of slots) {
    for (const id of duplicateLmsIds(slot.choices.map((c) => c.id)))
      problems.push(`two options of ${slot.key} would both be reported as "${id}"`);
  }
  if (problems.length > 0) {
    throw new Error(`Ids in course/ that LMSs cannot tell apart (only letters, digits, _ and . are kept): ${problems.join('; ')}`);
  }
}

function interactionTable(slots: readonly QuestionSlot[]): string {
  const rows = slots.map(
    (slot, n) =>
      `| ${n} | \`${slot.lmsId}\` | \`${encodeURIComponent(slot.key)}\` | ${cell(slot.where)} | ${cell(slot.question)} | ${slot.kind === 'choice' ? 'choice' : 'written'} | ${slot.weighting} | ${slot.correct.length ? `\`${toLmsId(slot.correct[0] ?? '')}\` / \`${scorm12Response({ kind: 'choice', choices: slot.choices, response: slot.correct })}\`` : '—'} |`,
  );
  return [
    '| # | SCORM interaction id | xAPI/cmi5 id (…/interactions/) | where | question | type | weight | correct (2004 / 1.2) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** One row per distinct option list (the micro-activity's cases share theirs). */
function choiceTable(slots: readonly QuestionSlot[]): string {
  const rows: string[] = [];
  const seen = new Set<string>();
  for (const slot of slots) {
    if (slot.kind !== 'choice') continue;
    const key = JSON.stringify(slot.choices);
    if (seen.has(key)) continue;
    seen.add(key);
    const users = slots.filter((s) => JSON.stringify(s.choices) === key).map((s) => `\`${s.lmsId}\``);
    for (const choice of slot.choices) {
      const letter = scorm12Response({ kind: 'choice', choices: slot.choices, response: [choice.id] });
      rows.push(`| ${users.join(', ')} | \`${toLmsId(choice.id)}\` | \`${letter}\` | ${cell(choice.text)} |`);
    }
  }
  return ['| questions | 2004 id | 1.2 | option |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Text in a Markdown table cell: one line, shown as written (see `md`). */
function cell(text: string): string {
  return md(text);
}

/**
 * Author text in UPLOAD.md, shown exactly as written: never read as Markdown or
 * HTML. An unclosed "<!--" in a question would otherwise hide the rest of the
 * guide, and "R&amp;D" would show as "R&D". One line; "&", "<" and ">" as
 * entities; Markdown's markers backslash-escaped (CommonMark §2.4).
 */
export function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}
