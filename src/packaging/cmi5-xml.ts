/**
 * cmi5.xml (cmi5 §13–14, CourseStructure.xsd): one course, one AU. Course and
 * AU ids are fully qualified IRIs under the course's base IRI (§3.0), so they
 * stay the same across rebuilds; moveOn and masteryScore come from course/.
 */
import type { Lesson } from '../content/lesson.js';
import { activityIris } from './identifiers.js';
import { courseActivityText } from './tincan-activities.js';
import { xmlDocument } from './xml.js';

export function cmi5Xml(lesson: Lesson): string {
  const iris = activityIris(lesson);
  return xmlDocument((doc) => {
    const root = doc.ele('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'courseStructure');
    // The course activity is named as the statements name it (their grouping activity), so an LRS
    // and an LMS show one name for one id.
    const courseText = courseActivityText(lesson);
    const course = root.ele('course', { id: iris.course });
    course.ele('title').ele('langstring', { lang: lesson.language }).txt(courseText.name);
    course.ele('description').ele('langstring', { lang: lesson.language }).txt(courseText.description);
    const au = root.ele('au', {
      id: iris.au,
      moveOn: lesson.settings.moveOn,
      // cmi5 §13.1.4: a decimal 0..1 with at most 4 decimal places.
      masteryScore: String(Math.round(lesson.settings.passingScore * 10000) / 10000),
      launchMethod: 'AnyWindow',
    });
    au.ele('title').ele('langstring', { lang: lesson.language }).txt(lesson.title);
    au.ele('description').ele('langstring', { lang: lesson.language }).txt(lesson.description);
    au.ele('url').txt('index.html');
  });
}
