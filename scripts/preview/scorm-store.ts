/**
 * What the preview LMS keeps of each SCORM version's attempt: the CMI data the
 * strict host held at the last Commit or Terminate, in <dataDir>/scorm.json.
 * A relaunch hands it to the host as its seed, and the host rolls it over the
 * way an LMS must (hosts/scorm/session-seed.ts: entry "resume" after exit
 * "suspend", session_time added to total_time).
 */
import type { FlatCmi, ScormVersion } from '../../hosts/scorm/session-seed.js';
import { isRecord, readJsonFile, writeJsonFile } from './json-file.js';

const FORMAT = 'preview-scorm/1';

export interface SavedAttempt {
  readonly data: FlatCmi;
  /** ISO time the host last reported it. */
  readonly savedAt: string;
}

type Attempts = Partial<Record<ScormVersion, SavedAttempt>>;

export class ScormStore {
  private readonly attempts: Attempts;

  constructor(private readonly file: string) {
    this.attempts = load(file);
  }

  get(version: ScormVersion): SavedAttempt | undefined {
    return this.attempts[version];
  }

  save(version: ScormVersion, data: FlatCmi): void {
    this.attempts[version] = { data, savedAt: new Date().toISOString() };
    this.flush();
  }

  forget(version: ScormVersion): void {
    if (!this.attempts[version]) return;
    delete this.attempts[version];
    this.flush();
  }

  /** Written on every change; called again on shutdown so the file is certainly current. */
  flush(): void {
    writeJsonFile(this.file, { format: FORMAT, attempts: this.attempts });
  }
}

function load(file: string): Attempts {
  const raw = readJsonFile(file);
  if (raw === undefined) return {};
  if (!isRecord(raw) || raw.format !== FORMAT || !isRecord(raw.attempts)) throw new Error(`${file} is not a preview SCORM store`);
  const attempts: Attempts = {};
  for (const version of ['1.2', '2004'] as const) {
    const saved = raw.attempts[version];
    if (isRecord(saved) && isFlatCmi(saved.data) && typeof saved.savedAt === 'string')
      attempts[version] = { data: saved.data, savedAt: saved.savedAt };
  }
  return attempts;
}

/** CMI data as the host reports it: element names to string values, nothing else. */
export function isFlatCmi(value: unknown): value is FlatCmi {
  return isRecord(value) && Object.entries(value).every(([element, v]) => element.startsWith('cmi.') && typeof v === 'string');
}
