/**
 * tincan.xml for the xAPI package (Rustici "Tin Can" package descriptor,
 * namespace http://projecttincan.com/tincan.xsd; see the standards' XAPI-NOTES §4).
 * The activity to launch is the lesson, under the IRI the course uses when no
 * activity_id is given; the course activity that groups every statement is
 * listed too, named and described as the statements name it.
 */
import type { Lesson } from '../content/lesson.js';
import { activityIris } from './identifiers.js';
import { courseActivityText } from './tincan-activities.js';
import { xmlDocument } from './xml.js';

export function tincanXml(lesson: Lesson): string {
  return xmlDocument((doc) => {
    const activities = doc.ele('http://projecttincan.com/tincan.xsd', 'tincan').ele('activities');
    const activity = activities.ele('activity', { id: activityIris(lesson).lesson, type: 'http://adlnet.gov/expapi/activities/lesson' });
    activity.ele('name', { lang: lesson.language }).txt(lesson.title);
    activity.ele('description', { lang: lesson.language }).txt(lesson.description);
    activity.ele('launch', { lang: lesson.language }).txt('index.html');
    const courseText = courseActivityText(lesson);
    const course = activities.ele('activity', { id: activityIris(lesson).course, type: 'http://adlnet.gov/expapi/activities/course' });
    course.ele('name', { lang: lesson.language }).txt(courseText.name);
    course.ele('description', { lang: lesson.language }).txt(courseText.description);
  });
}
