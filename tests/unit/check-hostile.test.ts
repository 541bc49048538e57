/**
 * The checker fails closed on hostile or broken input: what it cannot parse,
 * classify or check completely is an error, never "✓ passed". Zips are judged
 * from their central directory before anything is inflated, so bombs, links
 * and odd names are refused with the limit or the rule named. (The full-size
 * cases, a 1 GiB entry and five of them, run in `npm run bench`, with time and
 * memory; here the limits are lowered so each test stays fast.)
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { checkPackageBytes, passes, type PackageReport } from '../../scripts/check/check-package.js';
import { DEFAULT_LIMITS } from '../../scripts/check/zip.js';
import { validateAgainst } from '../../scripts/check/xsd.js';
import { brokenZip, goodFiles, replaceText, type ZipTarget } from '../fixtures/packages/packages.js';

const MiB = 1024 * 1024;
const XXE = '<!DOCTYPE manifest [<!ENTITY e SYSTEM "file:///etc/passwd">]>';
const DESCRIPTOR: Record<ZipTarget, string> = {
  scorm12: 'imsmanifest.xml',
  scorm2004: 'imsmanifest.xml',
  xapi: 'tincan.xml',
  cmi5: 'cmi5.xml',
};

const errorsOf = (report: PackageReport) => report.findings.filter((f) => f.level === 'error');

/** Replaces bytes in a zip made by fflate (names are stored twice: local header and central directory). */
function patchAll(zip: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const out = zip.slice();
  let found = 0;
  for (let i = 0; i + from.length <= out.length; i++) {
    if (from.every((b, j) => out[i + j] === b)) {
      out.set(to, i);
      found++;
    }
  }
  if (found === 0) throw new Error('pattern not in the zip');
  return out;
}

describe('descriptors the checker cannot or must not read', () => {
  it.each(['scorm12', 'scorm2004', 'xapi', 'cmi5'] as const)(
    'refuses a %s descriptor with a DOCTYPE (XXE), unread, and fails',
    async (target) => {
      const file = DESCRIPTOR[target];
      const zip = brokenZip(target, (files) => replaceText(files, file, '?>', `?>\n${XXE}`));
      const report = await checkPackageBytes('xxe.zip', zip);
      expect(passes(report)).toBe(false);
      expect(errorsOf(report)).toContainEqual({
        level: 'error',
        where: `${file}:2`,
        message: expect.stringMatching(/^has a <!DOCTYPE> \(or <!ENTITY>\) declaration: refused, unread/),
      });
      // The SCORM version is read from the manifest: refused, so the zip is no package the checker can name.
      if (file === 'imsmanifest.xml')
        expect(errorsOf(report).map((f) => f.message)).toContainEqual(expect.stringMatching(/^not a SCORM, xAPI or cmi5 package/));
    },
  );

  it('fails a zip whose imsmanifest.xml is only an external entity', async () => {
    const zip = zipSync({ 'imsmanifest.xml': strToU8('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') });
    const report = await checkPackageBytes('entity.zip', zip);
    expect(report.standard).toBeUndefined();
    expect(errorsOf(report).map((f) => f.message)).toEqual([
      expect.stringMatching(/^has a <!DOCTYPE>/),
      'not a SCORM, xAPI or cmi5 package: no descriptor it could read tells which standard it follows',
    ]);
  });

  it('fails a zip with no descriptor at all as "not a SCORM, xAPI or cmi5 package"', async () => {
    const report = await checkPackageBytes('site.zip', zipSync({ 'index.html': strToU8('<p>hello</p>') }));
    expect(passes(report)).toBe(false);
    expect(errorsOf(report).map((f) => f.message)).toContain(
      'not a SCORM, xAPI or cmi5 package: no descriptor it could read tells which standard it follows',
    );
  });

  it.each(['scorm12', 'xapi', 'cmi5'] as const)(
    'fails a %s package whose launch file is missing and whose descriptor has an undeclared element',
    async (target) => {
      const file = DESCRIPTOR[target];
      const zip = brokenZip(target, (files) => {
        delete files['index.html'];
        const text = new TextDecoder().decode(files[file]);
        const close = text.lastIndexOf('</');
        files[file] = strToU8(`${text.slice(0, close)}<bogus:thing/>${text.slice(close)}`);
      });
      const report = await checkPackageBytes('bogus.zip', zip);
      expect(passes(report)).toBe(false);
      expect(errorsOf(report)).toContainEqual({
        level: 'error',
        where: expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}:\\d+$`)),
        message: expect.stringMatching(/^not well-formed XML: Namespace prefix bogus on thing is not defined/),
      });
    },
  );

  it('reports a manifest nested too deep as what it is, with the limit', async () => {
    const deep = `<?xml version="1.0"?>\n<manifest>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</manifest>`;
    const report = await checkPackageBytes('deep.zip', zipSync({ 'imsmanifest.xml': strToU8(deep), 'index.html': strToU8('<p>') }));
    expect(passes(report)).toBe(false);
    expect(errorsOf(report)[0]?.message).toMatch(/^not well-formed XML: nested deeper than 256 levels/);
    expect(JSON.stringify(report.findings)).not.toMatch(/xmllint|install/);
  });

  it('says so when the schema validator itself fails, instead of passing or blaming the file', () => {
    const doc = XmlDocument.fromString('<manifest/>');
    doc.dispose();
    expect(validateAgainst(doc, 'imsmanifest.xml', 'scorm12')).toEqual([
      {
        level: 'error',
        where: 'imsmanifest.xml',
        message: expect.stringMatching(/^cannot validate: the XML Schema validator \(libxml2\) failed .*this says nothing about the file$/),
      },
    ]);
  });
});

describe('entries the checker refuses', () => {
  it('refuses a symbolic link entry (LMSs that unpack with unzip keep it)', async () => {
    const files: Zippable = { ...goodFiles('scorm12') };
    files['passwd.html'] = [strToU8('../../../../etc/passwd'), { os: 3, attrs: 0o120777 << 16 }];
    const report = await checkPackageBytes('link.zip', zipSync(files));
    expect(passes(report)).toBe(false);
    expect(errorsOf(report)).toContainEqual({
      level: 'error',
      where: 'passwd.html',
      message: expect.stringMatching(/^a symbolic link: refused/),
    });
    expect(report.pkg?.files.has('passwd.html')).toBe(false);
  });

  it('refuses a device or FIFO entry', async () => {
    const files: Zippable = { ...goodFiles('scorm12') };
    files['pipe'] = [new Uint8Array(), { os: 3, attrs: 0o010644 << 16 }];
    const report = await checkPackageBytes('fifo.zip', zipSync(files));
    expect(errorsOf(report)).toContainEqual({
      level: 'error',
      where: 'pipe',
      message: expect.stringMatching(/^a device, FIFO or socket entry: refused/),
    });
  });

  it('refuses an entry name that is not UTF-8', async () => {
    const zip = patchAll(
      zipSync({ ...goodFiles('scorm12'), 'caf_.html': strToU8('<p>') }),
      strToU8('caf_.html'),
      Uint8Array.from([...strToU8('caf'), 0xe9, ...strToU8('.html')]),
    );
    const report = await checkPackageBytes('latin1.zip', zip);
    expect(passes(report)).toBe(false);
    expect(errorsOf(report)).toContainEqual({
      level: 'error',
      where: '"café.html"',
      message: expect.stringMatching(/^the entry name is not UTF-8/),
    });
  });

  it('refuses a non-ASCII name that is not marked as UTF-8', async () => {
    // "é" in UTF-8 is two bytes: the same length as "__", in a name fflate stored as ASCII (no UTF-8 flag).
    const zip = patchAll(zipSync({ ...goodFiles('scorm12'), 'caf__.html': strToU8('<p>') }), strToU8('caf__.html'), strToU8('café.html'));
    const report = await checkPackageBytes('unflagged.zip', zip);
    expect(errorsOf(report)).toContainEqual({
      level: 'error',
      where: 'café.html',
      message: expect.stringMatching(/^the entry name is not marked as UTF-8/),
    });
  });
});

describe('bounded: zip bombs are refused unread, with the limit named', () => {
  it('refuses an entry that expands past the ratio limit (a 1 GiB entry of zeros is 1000:1), without inflating it', async () => {
    const files: Zippable = { ...goodFiles('scorm12'), 'zeros.bin': new Uint8Array(8 * MiB) };
    const report = await checkPackageBytes('bomb.zip', zipSync(files, { level: 9 }));
    expect(passes(report)).toBe(false);
    expect(report.pkg).toBeUndefined(); // refused before pass 2: nothing was inflated
    expect(errorsOf(report)).toEqual([
      {
        level: 'error',
        where: 'zeros.bin',
        message: expect.stringMatching(
          /^expands \d+:1 \(.* → 8\.0 MiB\), above the checker's limit of 100:1 for files over 1\.0 MiB: a zip bomb or padding, refused unread$/,
        ),
      },
    ]);
  });

  it('refuses a zip whose total unpacked size is over the limit, naming the limit and how to raise it', async () => {
    const noise = Uint8Array.from({ length: 2 * MiB }, (_, i) => (i * 2654435761) >>> 24);
    const zip = zipSync({ ...goodFiles('scorm12'), 'noise.bin': noise });
    const report = await checkPackageBytes('big.zip', zip, { limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: MiB } });
    expect(errorsOf(report)[0]).toEqual({
      level: 'error',
      where: '(zip)',
      message: expect.stringMatching(
        /^unpacks to 2\.\d MiB, above the checker's limit of 1\.0 MiB in total: refused unread \(npm run check -- --max-unpacked=<MiB> raises it/,
      ),
    });
  });

  it('refuses a zip with more entries than the limit', async () => {
    const report = await checkPackageBytes('many.zip', zipSync({ ...goodFiles('scorm12') }), {
      limits: { ...DEFAULT_LIMITS, maxEntries: 3 },
    });
    expect(errorsOf(report).map((f) => f.message)).toEqual([
      expect.stringMatching(/^holds 5 entries, more than the checker's limit of 3: refused unread/),
    ]);
  });

  it('stops an entry that inflates past the size its header declares', async () => {
    const zip = zipSync({ ...goodFiles('scorm12'), 'data.bin': new Uint8Array(64 * 1024).fill(7) }, { level: 9 });
    // Make both headers claim 100 bytes unpacked: the deflated data still holds 64 KiB.
    const lie = zip.slice();
    const view = new DataView(lie.buffer);
    for (let i = 0; i + 46 < lie.length; i++) {
      const signature = view.getUint32(i, true);
      const at = signature === 0x04034b50 ? 22 : signature === 0x02014b50 ? 24 : -1;
      const nameAt = signature === 0x04034b50 ? 30 : 46;
      if (at < 0) continue;
      const nameLength = view.getUint16(i + (signature === 0x04034b50 ? 26 : 28), true);
      if (new TextDecoder().decode(lie.subarray(i + nameAt, i + nameAt + nameLength)) === 'data.bin') view.setUint32(i + at, 100, true);
    }
    const report = await checkPackageBytes('lie.zip', lie);
    expect(passes(report)).toBe(false);
    expect(errorsOf(report)).toContainEqual({
      level: 'error',
      where: 'data.bin',
      message: expect.stringMatching(/^cannot be unpacked \(.*\): the entry is corrupt, or its sizes do not match its data$/),
    });
  });

  it('refuses a descriptor larger than its limit, and a text file too large to scan, instead of skipping them', async () => {
    const limits = { ...DEFAULT_LIMITS, maxDescriptorBytes: 1024, maxScannedBytes: 256 * 1024 };
    const files = { ...goodFiles('cmi5'), 'notes.txt': strToU8('note '.repeat(60_000)) };
    const report = await checkPackageBytes('large.zip', zipSync(files), { limits });
    expect(errorsOf(report)).toEqual(
      expect.arrayContaining([
        {
          level: 'error',
          where: 'cmi5.xml',
          message: "is larger than 1.0 KiB, the checker's limit for a package descriptor: refused unread",
        },
        { level: 'error', where: 'cmi5.xml', message: 'was not read (see the finding above), so it was not checked' },
        {
          level: 'error',
          where: 'notes.txt',
          message: "is a text file larger than 256.0 KiB, the checker's limit for scanning a file for credentials: not checked, so refused",
        },
      ]),
    );
  });
});
