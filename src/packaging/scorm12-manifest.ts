/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 + ADL CP 1.2).
 * Identifiers derive from the course id only, so a rebuilt package keeps the
 * LMS's tracking when re-uploaded. Every shipped file is listed.
 */
import type { Lesson } from '../content/lesson.js';
import { manifestIds } from './identifiers.js';
import { xmlDocument } from './xml.js';

export function scorm12Manifest(lesson: Lesson, files: readonly string[]): string {
  const ids = manifestIds(lesson);
  return xmlDocument((doc) => {
    const manifest = doc.ele('http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'manifest', {
      identifier: ids.manifest,
      version: lesson.version,
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
      'xmlns:imsmd': 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd ' +
        'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd ' +
        'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
    });
    const metadata = manifest.ele('metadata');
    metadata.ele('schema').txt('ADL SCORM');
    metadata.ele('schemaversion').txt('1.2');
    // IMS Metadata 1.2.1 inline: title, description, version and typical learning time for LMS catalogues.
    const lom = metadata.ele('http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd:lom');
    const general = lom.ele('imsmd:general');
    general.ele('imsmd:title').ele('imsmd:langstring', { 'xml:lang': lesson.language }).txt(lesson.title);
    general.ele('imsmd:language').txt(lesson.language);
    general.ele('imsmd:description').ele('imsmd:langstring', { 'xml:lang': lesson.language }).txt(lesson.description);
    general.ele('imsmd:keyword').ele('imsmd:langstring', { 'xml:lang': lesson.language }).txt(lesson.level);
    const lifecycle = lom.ele('imsmd:lifecycle');
    lifecycle.ele('imsmd:version').ele('imsmd:langstring', { 'xml:lang': lesson.language }).txt(lesson.version);
    const educational = lom.ele('imsmd:educational');
    educational.ele('imsmd:typicallearningtime').ele('imsmd:datetime').txt(cmiTimespanOfMinutes(lesson.durationMinutes));

    const organizations = manifest.ele('organizations', { default: ids.organization });
    const organization = organizations.ele('organization', { identifier: ids.organization });
    organization.ele('title').txt(lesson.title);
    const item = organization.ele('item', { identifier: ids.item, identifierref: ids.resource, isvisible: 'true' });
    item.ele('title').txt(lesson.title);
    // The passing score the author set, for LMSs that read it (Moodle hands it to the SCO as
    // cmi.student_data.mastery_score and, at LMSFinish, sets passed/failed from cmi.core.score.raw).
    // The SCO writes its best score, and only with its own verdict, so such an LMS reaches the same
    // status as the SCO: a pass is never turned into a fail by a weaker retake.
    item.ele('adlcp:masteryscore').txt(String(Math.round(lesson.settings.passingScore * 100)));

    const resources = manifest.ele('resources');
    const resource = resources.ele('resource', {
      identifier: ids.resource,
      type: 'webcontent',
      'adlcp:scormtype': 'sco',
      href: 'index.html',
    });
    for (const file of files) resource.ele('file', { href: file });
  });
}

/** SCORM 1.2 CMITimespan for whole minutes (typical learning time in the metadata). */
function cmiTimespanOfMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}
