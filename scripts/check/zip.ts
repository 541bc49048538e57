/**
 * Opening a package: a file path or bytes → its entries, or clear findings
 * saying why it cannot be read. Never throws for a bad input: a course author
 * gets a sentence, not a stack trace.
 *
 * Bounded, whatever the zip says (OWASP file-upload guidance): yauzl reads the
 * central directory first, the record LMSs (unzip, PHP's ZipArchive) unpack
 * from, so sizes, entry types and names are judged before a byte is inflated.
 * A zip over a limit is refused unread, with the limit named. Entries are then
 * streamed one at a time; only the package descriptors are kept in memory, and
 * yauzl stops any entry that inflates past the size it declared.
 *
 * Why yauzl and not fflate's streaming Unzip: a symbolic link is marked only in
 * the central directory's external attributes, which a local-header stream
 * never sees; and reading the directory first lets a zip bomb be refused
 * without inflating it.
 */
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { error, ZIP, type Finding, type ZipPackage } from './types.js';

export interface ZipLimits {
  /** The unpacked size of all entries together. */
  readonly maxUnpackedBytes: number;
  /** Unpacked ÷ packed size, of one entry or of the whole zip (once past RATIO_FLOOR). */
  readonly maxRatio: number;
  readonly maxEntries: number;
  /** A package descriptor (imsmanifest.xml, cmi5.xml, tincan.xml) is read up to this size. */
  readonly maxDescriptorBytes: number;
  /** A text file is scanned (for credentials) up to this size. */
  readonly maxScannedBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: ZipLimits = {
  maxUnpackedBytes: 2 * GiB,
  maxRatio: 100,
  maxEntries: 20_000,
  maxDescriptorBytes: 16 * MiB,
  maxScannedBytes: 32 * MiB,
};

/** Below this unpacked size a high ratio is harmless (a small file of spaces compresses 1000:1). */
const RATIO_FLOOR = MiB;

/** Bytes looked at to tell a binary file (a NUL among them) from text. */
const SNIFF = 8000;

export interface ReadOptions {
  readonly limits?: ZipLimits;
  /** Names whose contents the checks need (the descriptors); kept in memory. */
  readonly keep?: (name: string) => boolean;
  /** Names never scanned (binary formats). */
  readonly binary?: (name: string) => boolean;
  /** Called with each text file's contents, one at a time; returns its findings. */
  readonly scan?: (name: string, bytes: Uint8Array) => Finding[];
}

export interface OpenedZip {
  readonly pkg?: ZipPackage;
  readonly findings: Finding[];
}

/** Reads a zip from disk; a missing path, a folder or an unreadable file is a finding. */
export async function openZipFile(path: string, options: ReadOptions = {}): Promise<OpenedZip> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return { findings: [error(path, 'no such file')] };
  if (info.isDirectory()) return { findings: [error(path, 'this is a folder; give the path of a .zip package')] };
  let head: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(new Uint8Array(512), 0, 512, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { findings: [error(path, `cannot be read: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  const notZip = whyNotAZip(head, info.size);
  if (notZip) return { findings: [error(ZIP, notZip)] };
  return readZip(() => yauzl.openPromise(path, YAUZL_OPTIONS), options);
}

/** Reads a zip held in memory. */
export async function openZip(bytes: Uint8Array, options: ReadOptions = {}): Promise<OpenedZip> {
  const notZip = whyNotAZip(bytes.subarray(0, 512), bytes.length);
  if (notZip) return { findings: [error(ZIP, notZip)] };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readZip(() => yauzl.fromBufferPromise(buffer, YAUZL_OPTIONS), options);
}

/** Raw names (judged here), sizes validated while inflating, the zip closed by us. */
const YAUZL_OPTIONS = { decodeStrings: false, validateEntrySizes: true, autoClose: false, lazyEntries: true } as const;

interface Listed {
  readonly entry: Entry;
  readonly name: string;
  readonly kind: 'file' | 'folder' | 'refused';
}

async function readZip(openArchive: () => Promise<ZipFile>, options: ReadOptions): Promise<OpenedZip> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let zip: ZipFile;
  try {
    zip = await openArchive();
  } catch (e) {
    return { findings: [corrupt(e)] };
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return {
        findings: [
          error(
            ZIP,
            `holds ${zip.entryCount} entries, more than the checker's limit of ${limits.maxEntries}: refused unread (a package of a lesson holds hundreds at most)`,
          ),
        ],
      };
    }
    // Pass 1: the central directory only.
    const listed: Listed[] = [];
    const findings: Finding[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const { name, problem } = entryName(entry);
        if (problem) findings.push(problem);
        const refused = entryTypeProblem(entry, name);
        if (refused) findings.push(refused);
        listed.push({ entry, name, kind: refused ? 'refused' : name.endsWith('/') ? 'folder' : 'file' });
      }
    } catch (e) {
      return { findings: [corrupt(e)] };
    }
    const over = overLimits(listed, limits);
    if (over.length) return { findings: [...over, ...findings] };

    // Pass 2: stream each file, one at a time.
    const files = new Map<string, number>();
    const contents = new Map<string, Uint8Array>();
    for (const { entry, name, kind } of listed) {
      if (kind !== 'file') continue;
      files.set(name, entry.uncompressedSize);
      findings.push(...(await readEntry(zip, entry, name, options, limits, contents)));
    }
    return { pkg: { entries: listed.map((l) => l.name), files, contents }, findings };
  } finally {
    zip.close();
  }
}

/**
 * The entry's name as LMSs will see it. APPNOTE 4.4.4: bit 11 marks a UTF-8
 * name; without it the name is IBM code page 437, which is how unzip and most
 * LMSs decode it. So a name must be valid UTF-8, and when it is not plain
 * ASCII, marked as UTF-8 (bit 11, or Info-ZIP's Unicode Path field 0x7075).
 */
function entryName(entry: Entry): { name: string; problem?: Finding } {
  const raw = entry.fileNameRaw;
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    const shown = JSON.stringify(new TextDecoder('latin1').decode(raw));
    return {
      name: shown,
      problem: error(
        shown,
        'the entry name is not UTF-8 (it was written in a legacy code page): LMSs unpack it under another name than the one your pages link to. Re-create the zip with a tool that writes UTF-8 names',
      ),
    };
  }
  const ascii = raw.every((b) => b < 0x80);
  const flagged = (entry.generalPurposeBitFlag & 0x800) !== 0 || entry.extraFields.some((f) => f.id === 0x7075);
  if (!ascii && !flagged) {
    return {
      name,
      problem: error(
        name,
        'the entry name is not marked as UTF-8 (zip flag bit 11), so LMSs read it as code page 437 and unpack it under another name than the one your pages link to. Re-create the zip with a tool that marks UTF-8 names, or use ASCII names',
      ),
    };
  }
  return { name };
}

/** Unix file types in the upper 16 bits of the external attributes (APPNOTE 4.4.15, 4.4.2: made by 3 = Unix, 19 = OS X). */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

function entryTypeProblem(entry: Entry, name: string): Finding | undefined {
  const host = entry.versionMadeBy >> 8;
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if ((host === 3 || host === 19) && type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    return type === S_IFLNK
      ? error(
          name,
          'a symbolic link: refused. LMSs that unpack with unzip create the link, and it can point anywhere on their server (../../etc/passwd, say). Put the file itself in the zip',
        )
      : error(name, 'a device, FIFO or socket entry: refused. A package holds only files and folders');
  }
  if (entry.isEncrypted())
    return error(name, 'encrypted: LMSs cannot unpack it, and the checker cannot read it. Zip it without a password');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return error(
      name,
      `compressed with method ${entry.compressionMethod}; LMSs unpack only stored (0) or deflated (8) entries, and so does the checker. Re-create the zip with a standard zip tool`,
    );
  }
  return undefined;
}

function overLimits(listed: readonly Listed[], limits: ZipLimits): Finding[] {
  const findings: Finding[] = [];
  let unpacked = 0;
  let packed = 0;
  for (const { entry, name } of listed) {
    unpacked += entry.uncompressedSize;
    packed += entry.compressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_FLOOR && ratio > limits.maxRatio) {
      findings.push(
        error(
          name,
          `expands ${Math.round(ratio)}:1 (${size(entry.compressedSize)} → ${size(entry.uncompressedSize)}), above the checker's limit of ${limits.maxRatio}:1 for files over ${size(RATIO_FLOOR)}: a zip bomb or padding, refused unread`,
        ),
      );
    }
  }
  if (unpacked > limits.maxUnpackedBytes) {
    findings.unshift(
      error(
        ZIP,
        `unpacks to ${size(unpacked)}, above the checker's limit of ${size(limits.maxUnpackedBytes)} in total: refused unread (npm run check -- --max-unpacked=<MiB> raises it for a package you trust)`,
      ),
    );
  } else if (findings.length === 0 && unpacked > RATIO_FLOOR && unpacked / Math.max(packed, 1) > limits.maxRatio) {
    findings.push(
      error(
        ZIP,
        `expands ${Math.round(unpacked / Math.max(packed, 1))}:1 as a whole (${size(packed)} → ${size(unpacked)}), above the checker's limit of ${limits.maxRatio}:1: a zip bomb or padding, refused unread`,
      ),
    );
  }
  return findings;
}

/** Streams one file: keeps a descriptor, hands a text file to `scan`, and drains the rest. */
async function readEntry(
  zip: ZipFile,
  entry: Entry,
  name: string,
  options: ReadOptions,
  limits: ZipLimits,
  contents: Map<string, Uint8Array>,
): Promise<Finding[]> {
  const keep = options.keep?.(name) ?? false;
  const scan = options.scan && !(options.binary?.(name) ?? false) ? options.scan : undefined;
  const keepCap = keep ? limits.maxDescriptorBytes : 0;
  const scanCap = scan ? limits.maxScannedBytes : 0;
  const cap = Math.max(keepCap, scanCap);
  const chunks: Buffer[] = [];
  let length = 0;
  let text = true;
  const tooLarge = () => (keep && length > keepCap) || (scan !== undefined && text && length > scanCap);
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (e) {
    return [unreadable(name, e)];
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (text && length < SNIFF && chunk.subarray(0, SNIFF - length).includes(0)) text = false;
      if ((keep || text) && length + chunk.length <= cap) chunks.push(chunk);
      length += chunk.length;
      if (tooLarge()) break;
    }
  } catch (e) {
    return [unreadable(name, e)];
  } finally {
    stream.destroy();
  }
  if (keep && length > keepCap) {
    return [error(name, `is larger than ${size(keepCap)}, the checker's limit for a package descriptor: refused unread`)];
  }
  if (scan && text && length > scanCap) {
    return [
      error(
        name,
        `is a text file larger than ${size(scanCap)}, the checker's limit for scanning a file for credentials: not checked, so refused`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const bytes = chunks.length === 1 ? (chunks[0] ?? new Uint8Array()) : Buffer.concat(chunks);
  if (keep) contents.set(name, new Uint8Array(bytes));
  if (scan && text) findings.push(...scan(name, bytes));
  return findings;
}

function corrupt(e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e);
  return error(ZIP, `the zip is corrupt or uses a feature LMSs cannot unpack (${reason}); re-create it with a standard zip tool`);
}

function unreadable(name: string, e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e);
  return error(name, `cannot be unpacked (${reason}): the entry is corrupt, or its sizes do not match its data`);
}

/** PKZIP signatures: a local file header, or the end record of an empty archive. */
function whyNotAZip(head: Uint8Array, total: number): string | undefined {
  if (total === 0) return 'not a zip file: the file is empty';
  const signature = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b ? (head[2] ?? 0) * 256 + (head[3] ?? 0) : -1;
  if (signature === 0x0304 || signature === 0x0506) return undefined;
  const looksLikeText = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
  return looksLikeText
    ? 'not a zip file: it is a text file. Upload the .zip package the build wrote, not a file from inside it'
    : 'not a zip file: its first bytes are not a zip signature (PK\\3\\4). It may be another archive format or a damaged download';
}

export function size(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
