/**
 * Opening a package: a file path or bytes → its entries, or one clear finding
 * saying why it cannot be read (missing, not a zip, corrupt). Never throws for
 * a bad input: a course author gets a sentence, not a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { error, ZIP, type Finding, type ZipPackage } from './types.js';

export interface OpenedZip {
  readonly pkg?: ZipPackage;
  readonly findings: Finding[];
}

/** Reads a zip from disk; a missing path, a folder or an unreadable file is a finding. */
export async function openZipFile(path: string): Promise<OpenedZip> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return { findings: [error(path, 'no such file')] };
  if (info.isDirectory()) return { findings: [error(path, 'this is a folder; give the path of a .zip package')] };
  const bytes = await readFile(path).catch((e: unknown) => e);
  if (!(bytes instanceof Uint8Array)) return { findings: [error(path, `cannot be read: ${String(bytes)}`)] };
  return openZip(bytes);
}

/** Unpacks a zip held in memory. */
export function openZip(bytes: Uint8Array): OpenedZip {
  const notZip = whyNotAZip(bytes);
  if (notZip) return { findings: [error(ZIP, notZip)] };
  const entries: string[] = [];
  try {
    const unpacked = unzipSync(bytes, {
      filter: (file) => {
        entries.push(file.name);
        return true;
      },
    });
    const files = new Map(Object.entries(unpacked).filter(([name]) => !name.endsWith('/')));
    return { pkg: { entries, files }, findings: [] };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      findings: [error(ZIP, `the zip is corrupt or uses a feature LMSs cannot unpack (${reason}); re-create it with a standard zip tool`)],
    };
  }
}

/** PKZIP signatures: a local file header, or the end record of an empty archive. */
function whyNotAZip(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'not a zip file: the file is empty';
  const signature = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b ? (bytes[2] ?? 0) * 256 + (bytes[3] ?? 0) : -1;
  if (signature === 0x0304 || signature === 0x0506) return undefined;
  const head = bytes.subarray(0, 512);
  const looksLikeText = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
  return looksLikeText
    ? 'not a zip file: it is a text file. Upload the .zip package the build wrote, not a file from inside it'
    : 'not a zip file: its first bytes are not a zip signature (PK\\3\\4). It may be another archive format or a damaged download';
}
