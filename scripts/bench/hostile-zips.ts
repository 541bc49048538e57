/**
 * The package checker on hostile input, full size: an XXE manifest, a
 * manifest that is only an external entity, a symbolic link to /etc/passwd, a
 * zip of one 1 GiB entry of zeros (about 1 MiB packed), one of five such
 * entries, a manifest nested 100 000 deep, and a name that is not UTF-8. Each
 * is written to a temporary folder (never committed) and checked by
 * `npm run check` in its own process, which must exit 1; the table gives its
 * exit code, wall time and peak memory (from /usr/bin/time -v when the
 * machine has it).
 *
 * `npm run bench` prints this table; `tsx scripts/bench/hostile-zips.ts`
 * prints it alone.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, Zip, ZipPassThrough, zipSync, type ZipInputFile } from 'fflate';

const MiB = 1024 * 1024;

interface Hostile {
  readonly file: string;
  readonly what: string;
}

export interface HostileFigure extends Hostile {
  readonly exitCode: number | null;
  readonly seconds: number;
  /** Peak resident memory of the checker process, in MiB (undefined without /usr/bin/time). */
  readonly peakMiB?: number;
  readonly firstError: string;
}

/** A small valid-looking SCORM 1.2 package around `manifest`, with extra entries. */
function scormZip(manifest: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ 'imsmanifest.xml': strToU8(manifest), 'index.html': strToU8('<!doctype html><title>SCO</title>'), ...extra });
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>T</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>
`;

/**
 * A zip of `count` entries, each `gib` GiB of zeros, streamed to disk in
 * bounded memory: one deflated MiB of zeros (ending on a sync flush, so blocks
 * can follow it) is repeated, then an empty final block closes the stream.
 */
function zerosZip(path: string, count: number, gib: number): void {
  const chunk = deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const chunks = gib * 1024;
  let crc = 0;
  const zeros = Buffer.alloc(MiB);
  for (let i = 0; i < chunks; i++) crc = crc32(zeros, crc);
  const fd = openSync(path, 'w');
  try {
    const zip = new Zip((err, data) => {
      if (err) throw err;
      writeSync(fd, data);
    });
    // A package around the zeros: a valid manifest and its launch file, so only the size is wrong.
    for (const [name, text] of [
      ['imsmanifest.xml', MANIFEST],
      ['index.html', '<!doctype html><title>SCO</title>'],
    ] as const) {
      const stored = new ZipPassThrough(name);
      zip.add(stored);
      stored.push(strToU8(text), true);
    }
    for (let n = 0; n < count; n++) {
      const file: ZipInputFile = { filename: `zeros-${n + 1}.bin`, size: chunks * MiB, crc, compression: 8 };
      zip.add(file);
      for (let i = 0; i < chunks; i++) file.ondata?.(null, chunk, false);
      file.ondata?.(null, Uint8Array.of(0x03, 0x00), true);
    }
    zip.end();
  } finally {
    closeSync(fd);
  }
}

/** Writes the hostile zips into `dir`. */
export function writeHostileZips(dir: string): Hostile[] {
  const out: Hostile[] = [];
  const add = (file: string, what: string, bytes?: Uint8Array) => {
    if (bytes) writeFileSync(join(dir, file), bytes);
    out.push({ file: join(dir, file), what });
  };
  add(
    'xxe.zip',
    'SCORM manifest with an external entity (XXE)',
    scormZip(MANIFEST.replace('?>', '?>\n<!DOCTYPE manifest [<!ENTITY e SYSTEM "file:///etc/passwd">]>')),
  );
  add(
    'entity-only.zip',
    'imsmanifest.xml that is only an external entity',
    zipSync({ 'imsmanifest.xml': strToU8('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') }),
  );
  add(
    'symlink.zip',
    'symbolic link to ../../../../etc/passwd',
    zipSync({
      'imsmanifest.xml': strToU8(MANIFEST),
      'index.html': [strToU8('../../../../etc/passwd'), { os: 3, attrs: 0o120777 << 16 }],
    }),
  );
  zerosZip(join(dir, 'zeros-1gib.zip'), 1, 1);
  add('zeros-1gib.zip', 'one 1 GiB entry of zeros (about 1 MiB packed)');
  zerosZip(join(dir, 'zeros-5x1gib.zip'), 5, 1);
  add('zeros-5x1gib.zip', 'five 1 GiB entries of zeros');
  const depth = 100_000;
  add(
    'deep.zip',
    `manifest nested ${depth} deep`,
    scormZip(MANIFEST.replace('</manifest>', `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</manifest>`)),
  );
  const latin1 = scormZip(MANIFEST, { 'caf_.html': strToU8('<p>') });
  const at = Buffer.from(latin1).indexOf('caf_.html');
  const second = Buffer.from(latin1).indexOf('caf_.html', at + 1);
  for (const i of [at, second]) if (i >= 0) latin1[i + 3] = 0xe9; // "café.html" in Latin-1: not UTF-8
  add('latin1-name.zip', 'entry name that is not UTF-8', latin1);
  return out;
}

const TIME = '/usr/bin/time';

/** Checks each zip in its own `npm run check` process. */
export function checkHostileZips(hostile: readonly Hostile[], root = process.cwd()): HostileFigure[] {
  const withTime = existsSync(TIME);
  return hostile.map((h) => {
    const command = [process.execPath, '--import', 'tsx', join(root, 'scripts', 'check.ts'), h.file];
    const started = performance.now();
    const run = withTime
      ? spawnSync(TIME, ['-v', ...command], { encoding: 'utf8', cwd: root, maxBuffer: 64 * MiB })
      : spawnSync(command[0] ?? '', command.slice(1), { encoding: 'utf8', cwd: root, maxBuffer: 64 * MiB });
    const seconds = (performance.now() - started) / 1000;
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
    const firstError = /^ {2}error {4}(.*)$/m.exec(run.stdout)?.[1] ?? (run.stdout + run.stderr).trim().split('\n')[0] ?? '';
    return { ...h, exitCode: run.status, seconds, peakMiB: peak ? Number(peak) / 1024 : undefined, firstError };
  });
}

export function hostileTable(figures: readonly HostileFigure[]): string {
  const rows = figures.map((f) => [
    f.what,
    String(f.exitCode),
    `${f.seconds.toFixed(1)} s`,
    f.peakMiB === undefined ? '—' : `${f.peakMiB.toFixed(0)} MiB`,
    f.firstError.length > 110 ? `${f.firstError.slice(0, 109)}…` : f.firstError,
  ]);
  const header = ['hostile input', 'exit', 'time', 'peak memory', 'first error'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes, checks and removes the hostile zips; returns the figures. */
export function hostileFigures(root = process.cwd()): HostileFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-zips-'));
  try {
    return checkHostileZips(writeHostileZips(dir), root);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(hostileTable(hostileFigures()));
}
