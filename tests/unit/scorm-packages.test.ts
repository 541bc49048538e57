/**
 * The SCORM packages as an LMS receives them: manifest at the root, valid
 * against the official XSDs, listing exactly the shipped files, with stable
 * identifiers and the metadata admins see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, readZip, zipText } from './helpers/packages.js';
import { loadRealCourse } from './helpers/real-course.js';
import { schemaErrors } from './helpers/standards.js';
import { loadCourse } from '../../src/content/load-course.js';

const targets = ['scorm12', 'scorm2004'] as const;

function manifestFiles(manifest: string): string[] {
  return [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1] ?? '').sort();
}

describe.each(targets)('the %s package', (target) => {
  const files = readZip(target);
  const manifest = zipText(files, 'imsmanifest.xml');

  it('has imsmanifest.xml at the root, valid against the official XSDs (libxml2)', () => {
    expect(schemaErrors(manifest, target, 'imsmanifest.xml')).toBe('');
  });

  it('lists every shipped file, with the exact case, and ships every listed file', () => {
    const shipped = Object.keys(files)
      .filter((f) => !f.endsWith('/') && f !== 'imsmanifest.xml')
      .sort();
    expect(manifestFiles(manifest)).toEqual(shipped);
    expect(shipped).toContain('index.html');
    expect(manifest).toContain('href="index.html"');
  });

  it('uses identifiers derived from the course id only, so re-uploads keep LMS tracking', () => {
    expect(manifest).toContain(`identifier="${COURSE_ID}-manifest"`);
    expect(manifest).toContain(`<organizations default="${COURSE_ID}-org">`);
    expect(manifest).toContain(`<item identifier="${COURSE_ID}-item" identifierref="${COURSE_ID}-sco"`);
  });

  it('carries the course’s title, description, version and learning time in its metadata', async () => {
    const lesson = await loadRealCourse();
    const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    expect(manifest).toContain(xmlText(lesson.title));
    expect(manifest).toContain(xmlText(lesson.description.slice(0, 60)));
    expect(manifest).toContain(`version="${lesson.version}"`);
    const minutes = lesson.durationMinutes;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
    const iso = `PT${minutes >= 60 ? `${Math.floor(minutes / 60)}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`;
    expect(manifest).toContain(target === 'scorm12' ? `<imsmd:datetime>${hhmm}</imsmd:datetime>` : `<lom:duration>${iso}</lom:duration>`);
  });

  it('carries the course’s passing score, so LMSs that read it hand the course the same pass mark', async () => {
    const passPercent = Math.round((await loadCourse(join(process.cwd(), 'course'))).settings.passingScore * 100);
    if (target === 'scorm12') expect(manifest).toContain(`<adlcp:masteryscore>${passPercent}</adlcp:masteryscore>`);
    else {
      expect(manifest).toMatch(/<imsss:primaryObjective objectiveID="[\w.]+" satisfiedByMeasure="true">/);
      expect(manifest).toContain(`<imsss:minNormalizedMeasure>${passPercent / 100}</imsss:minNormalizedMeasure>`);
    }
  });
});

describe('the repository', () => {
  it('keeps imsmanifest.xml identical to the one the SCORM 1.2 package ships', () => {
    const inRepo = readFileSync(join(process.cwd(), 'imsmanifest.xml'), 'utf8');
    expect(inRepo).toBe(zipText(readZip('scorm12'), 'imsmanifest.xml'));
  });

  it('rebuilds byte-identical packages from unchanged content', () => {
    const [first, second] = [mkdtempSync(join(tmpdir(), 'build-a-')), mkdtempSync(join(tmpdir(), 'build-b-'))];
    for (const out of [first, second])
      execFileSync('npx', ['tsx', 'scripts/build.ts', 'scorm12', 'scorm2004', '--out', out], { stdio: 'pipe' });
    for (const target of targets) {
      const name = `${COURSE_ID}-${target}.zip`;
      expect(readFileSync(join(first, name)).equals(readFileSync(join(second, name))), name).toBe(true);
    }
  }, 60_000);
});
