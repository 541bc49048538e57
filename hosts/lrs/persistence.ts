/** Keeps what the LRS holds in one JSON file, so a restarted harness is the same LRS (resume tests). */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Statement } from '@xapi/xapi';
import type { Cmi5Session } from './cmi5-sessions.js';
import type { SerializedDocument } from './document-store.js';
import { isObject } from './json.js';

export interface Snapshot {
  readonly format: 'lrs-harness/1';
  readonly statements: readonly Statement[];
  readonly documents: readonly SerializedDocument[];
  readonly sessions: readonly Cmi5Session[];
}

export function loadSnapshot(file: string): Snapshot | undefined {
  if (!existsSync(file)) return undefined;
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(data) || data.format !== 'lrs-harness/1') throw new Error(`${file} is not an LRS harness snapshot`);
  return data as unknown as Snapshot; // our own file, written by saveSnapshot below
}

/** Written whole and renamed into place, so a crash never leaves half a file. */
export function saveSnapshot(file: string, snapshot: Omit<Snapshot, 'format'>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ format: 'lrs-harness/1', ...snapshot }));
  renameSync(temporary, file);
}
