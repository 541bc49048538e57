/**
 * Manifest identifiers and activity IRIs, all derived from ids in course/
 * (never from build time or file hashes): re-uploading a rebuilt package
 * keeps the LMS's and LRS's records attached to the same course.
 */
import type { Lesson } from '../content/lesson.js';

export function manifestIds(lesson: Lesson) {
  // xs:ID values (IMS CP): must start with a letter or underscore; course ids are kebab-case.
  const base = lesson.id.replace(/^[^A-Za-z_]/, '_$&');
  return {
    manifest: `${base}-manifest`,
    organization: `${base}-org`,
    item: `${base}-item`,
    resource: `${base}-sco`,
  };
}

/** xAPI / cmi5 activity IRIs under the course's base IRI. */
export function activityIris(lesson: Lesson) {
  return {
    course: lesson.baseIri,
    au: `${lesson.baseIri}/au/${lesson.id}`,
    lesson: `${lesson.baseIri}/lesson/${lesson.id}`,
  };
}
