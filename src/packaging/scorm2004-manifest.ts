/**
 * imsmanifest.xml for SCORM 2004 4th Edition: IMS CP 1.1.4, ADL CP/Seq/Nav 1.3,
 * IMS Simple Sequencing, with inline IEEE LOM metadata (title, description,
 * version, typical learning time). One SCO; identifiers stable across rebuilds.
 */
import type { Lesson } from '../content/lesson.js';
import { toLmsId } from '../tracking/scorm/identifiers.js';
import { manifestIds } from './identifiers.js';
import { xmlDocument } from './xml.js';

const NS = {
  cp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  lom: 'http://ltsc.ieee.org/xsd/LOM',
};

export function scorm2004Manifest(lesson: Lesson, files: readonly string[]): string {
  const ids = manifestIds(lesson);
  const lang = lesson.language;
  return xmlDocument((doc) => {
    const manifest = doc.ele(NS.cp, 'manifest', {
      identifier: ids.manifest,
      version: lesson.version,
      'xmlns:adlcp': NS.adlcp,
      'xmlns:adlseq': NS.adlseq,
      'xmlns:adlnav': NS.adlnav,
      'xmlns:imsss': NS.imsss,
      'xmlns:lom': NS.lom,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        `${NS.cp} imscp_v1p1.xsd ${NS.adlcp} adlcp_v1p3.xsd ${NS.adlseq} adlseq_v1p3.xsd ` +
        `${NS.adlnav} adlnav_v1p3.xsd ${NS.imsss} imsss_v1p0.xsd ${NS.lom} lom.xsd`,
    });
    const metadata = manifest.ele('metadata');
    metadata.ele('schema').txt('ADL SCORM');
    metadata.ele('schemaversion').txt('2004 4th Edition');
    const lom = metadata.ele(NS.lom, 'lom:lom');
    const general = lom.ele('lom:general');
    const identifier = general.ele('lom:identifier');
    identifier.ele('lom:catalog').txt('URI');
    identifier.ele('lom:entry').txt(lesson.baseIri);
    general.ele('lom:title').ele('lom:string', { language: lang }).txt(lesson.title);
    general.ele('lom:language').txt(lang);
    general.ele('lom:description').ele('lom:string', { language: lang }).txt(lesson.description);
    general.ele('lom:keyword').ele('lom:string', { language: lang }).txt(lesson.level);
    const lifeCycle = lom.ele('lom:lifeCycle');
    lifeCycle.ele('lom:version').ele('lom:string', { language: lang }).txt(lesson.version);
    const educational = lom.ele('lom:educational');
    educational.ele('lom:typicalLearningTime').ele('lom:duration').txt(`PT${lesson.durationMinutes}M`);

    const organizations = manifest.ele('organizations', { default: ids.organization });
    const organization = organizations.ele('organization', { identifier: ids.organization, 'adlseq:objectivesGlobalToSystem': 'false' });
    organization.ele('title').txt(lesson.title);
    const item = organization.ele('item', { identifier: ids.item, identifierref: ids.resource, isvisible: 'true' });
    item.ele('title').txt(lesson.title);
    const sequencing = item.ele('imsss:sequencing');
    // The passing score the author set, for LMSs that read it: Moodle and other LMSs hand
    // minNormalizedMeasure to the SCO as cmi.scaled_passing_score (without it Moodle assumes 1.0,
    // i.e. 100 %) and judge success from cmi.score.scaled (satisfiedByMeasure). The SCO writes its
    // best scaled score and the same verdict, so both judgements agree and a pass is never undone.
    // No completionThreshold: the SCO sets completion itself, from the course's completion rule.
    sequencing
      .ele('imsss:objectives')
      .ele('imsss:primaryObjective', { objectiveID: toLmsId(`${lesson.id}.passed`), satisfiedByMeasure: 'true' })
      .ele('imsss:minNormalizedMeasure')
      .txt(String(lesson.settings.passingScore));
    sequencing.ele('imsss:deliveryControls', { tracked: 'true', completionSetByContent: 'true', objectiveSetByContent: 'true' });
    organization.ele('imsss:sequencing').ele('imsss:controlMode', { choice: 'true', flow: 'true' });

    const resources = manifest.ele('resources');
    const resource = resources.ele('resource', {
      identifier: ids.resource,
      type: 'webcontent',
      'adlcp:scormType': 'sco',
      href: 'index.html',
    });
    for (const file of files) resource.ele('file', { href: file });
  });
}
