/**
 * dist/UPLOAD.md: how an admin uploads each package the build wrote, to Moodle
 * and Canvas, and which standard suits which LMS. Only what could be checked
 * is said: Moodle's setting names are those of its SCORM module (mod/scorm
 * language strings); the plugins named are listed in the Moodle plugins
 * directory or published by ADL; where a detail could not be checked the text
 * says so rather than guess.
 */
import type { Lesson } from '../../src/content/lesson.js';
import { STANDARD_NAMES } from '../check/types.js';
import type { BuiltZip } from './build-report.js';

export function uploadGuide(lesson: Lesson, zips: readonly BuiltZip[]): string {
  const passPercent = Math.round(lesson.settings.passingScore * 100);
  const files = zips.map(
    (zip) =>
      `| \`${zip.name}\` | ${zip.report.standard ? STANDARD_NAMES[zip.report.standard] : '?'} | \`${zip.report.info.identifier ?? '—'}\` |`,
  );
  return `# Uploading "${lesson.title}" (v${lesson.version})

Written by \`npm run build\`; every package below passed \`npm run check\`.

| file | standard | identifier the LMS tracks |
| --- | --- | --- |
${files.join('\n')}

Re-uploading a rebuilt package keeps the same identifiers, so the LMS keeps learners' records.
What the lesson reports: a score from 0 to 100 (the share of quiz questions answered correctly),
**passed** at ${passPercent} % or more, otherwise **failed**; it is **completed** once every page has
been visited and the quiz submitted. A pass is kept: a weaker retake never turns it into a fail.

## Which package for which LMS

| LMS | upload | why |
| --- | --- | --- |
| Moodle | SCORM 1.2 | Moodle's SCORM player passes the ADL SCORM 1.2 conformance tests; its SCORM 2004 support is partial (Moodle Docs, SCORM FAQ). |
| Canvas | SCORM 1.2 | through Canvas's SCORM tool (check whether your instance's tool also takes SCORM 2004). |
| An LMS with a full SCORM 2004 player | SCORM 2004 | reports completion and pass/fail separately. |
| An LMS that imports cmi5 | cmi5 | xAPI statements in an LRS, launched and credentialed by the LMS. |
| An LMS or launcher for "Tin Can" packages (tincan.xml) with an LRS | xAPI | the LMS passes the LRS endpoint and credentials in the launch URL. |
| Not sure | SCORM 1.2 | the most widely supported. |

## Moodle

### SCORM 1.2 or SCORM 2004: activity "SCORM package"

Turn editing on, **Add an activity or resource → SCORM package**, and choose the zip as
**Package file** (or drag the zip onto the course page). Then:

- **Appearance → Display package**: *Current window* keeps learners inside Moodle; *New window*
  opens the lesson in a pop-up, which some browsers block. The lesson works in either.
- **Grade → Grading method**: *Highest grade* grades by the score (Moodle's help: "the highest score
  obtained in all passed learning objects"); set **Maximum grade** to 100, as the score is a
  percentage. *Learning objects* grades by "the number of completed/passed learning objects"
  instead, and this package has one.
- **Attempts management**: **Number of attempts** (unlimited or a limit) and **Attempts grading**:
  *Highest attempt* records the best attempt, which matches how the lesson itself keeps a pass.
  (Moodle's own help text notes that the attempts limit applies to SCORM 1.2 and AICC packages.)
- **Activity completion**: **Require status** → tick *Passed*: the SCORM 1.2 package reports
  passed only once every page has been visited and the quiz passed. Add **Require minimum score**
  = ${passPercent} if Moodle should also check the score itself.
- The manifest sets no mastery score, so **Mastery score overrides status** changes nothing: the
  lesson decides passed/failed from its best score.

### xAPI and cmi5

Moodle's SCORM package activity imports SCORM and AICC packages only. Packages with
\`tincan.xml\` or \`cmi5.xml\` need a plugin and a Learning Record Store (LRS):

- **xAPI Launch Link** (\`mod_tincanlaunch\`, in the Moodle plugins directory) launches xAPI
  content with the Rustici ("Tin Can") launch method and sends statements to a separate LRS.
  See its documentation for whether it takes the zip or the URL of the unzipped package on a web server.
- **cmi5 Launch Link** (\`mod_cmi5launch\`, published by ADL) needs Moodle 4.0 or later, an LRS and a
  running instance of ADL's CATAPULT cmi5 player.

Both are third-party plugins that a site administrator installs; check their current documentation.

## Canvas

Upload the SCORM 1.2 zip through the **SCORM** item in the course navigation (if your course
has none, ask your Canvas administrator). Content must come through that tool: Canvas signs its SCORM launch links,
so links to SCORM content pasted elsewhere do not work.

Status and grade: if the package becomes a graded assignment, map the lesson's **score**
(0–100; SCORM 2004 also sends it scaled 0–1) to the assignment's points. To grade on completion
instead, count **passed** as done: SCORM 1.2 reports \`cmi.core.lesson_status\` passed or failed once the
quiz is submitted; SCORM 2004 reports \`cmi.success_status\` passed/failed and \`cmi.completion_status\`
completed/incomplete. The names of Canvas's mapping options differ between Canvas versions and were
not checked here: look them up in your instance's SCORM settings.
`;
}
