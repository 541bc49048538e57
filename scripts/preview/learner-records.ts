/**
 * The preview's one LRS (the strict local LRS + cmi5 LMS of hosts/lrs),
 * persisted to <dataDir>/lrs.json, and what the preview remembers about the
 * learner there: the registration of the xAPI and of the cmi5 package
 * (<dataDir>/registrations.json), so Relaunch continues the same attempt
 * after a restart.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startLrs, type LaunchMode, type LrsHarness, type LrsHarnessOptions } from '../../hosts/lrs/index.js';
import { loadSnapshot, saveSnapshot } from '../../hosts/lrs/persistence.js';
import { isRecord, readJsonFile, writeJsonFile } from './json-file.js';
import type { PackageInfo } from './packages.js';
import { deriveStatus, statementRow, verbName, type LrsStatus, type StatementRow } from './statement-summary.js';

export type LrsPackageId = 'xapi' | 'cmi5';
export type Attempt = 'new' | 'resume';

/** The preview's one learner. An account IFI, as cmi5 §9.2 requires; `.invalid` never resolves. */
export const PREVIEW_ACTOR = {
  objectType: 'Agent',
  name: 'Preview Learner',
  account: { homePage: 'https://lms.preview.invalid', name: 'preview-learner' },
} as const;

type LrsOptions = LrsHarnessOptions & { readonly basicAuth: { key: string; secret: string }; readonly persistFile: string };

export interface LrsLaunch {
  readonly packageId: LrsPackageId;
  readonly registration: string;
  /** The query string the course is opened with (TinCan or cmi5 launch parameters). */
  readonly launchQuery: string;
  readonly startedAt: string;
  /** cmi5 only. */
  readonly sessionId?: string;
  readonly launchMode?: LaunchMode;
  /** Where this launch's share of the LRS's request and refusal logs begins. */
  rejectionsFrom: number;
  requestsFrom: number;
}

export interface RejectionRow {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly reason: string;
  readonly requirement: string | undefined;
  /** Verbs of the refused statement(s), when the body was one. */
  readonly verbs: string[];
}

/** Everything the panel shows for an xAPI or cmi5 launch. */
export interface LrsActivity {
  readonly launch: Omit<LrsLaunch, 'launchQuery' | 'rejectionsFrom' | 'requestsFrom'>;
  /** Statements of this launch (cmi5: this session), in stored order. */
  readonly statements: StatementRow[];
  /** Statements of the same registration from earlier launches. */
  readonly earlierStatements: number;
  /** Derived from every statement of the registration. */
  readonly status: LrsStatus;
  readonly rejections: RejectionRow[];
  readonly requests: number;
  /** The State document the course writes (`<courseId>.resume`), parsed when it is JSON. */
  readonly resume: { readonly stateId: string; readonly contentType: string; readonly document: unknown } | undefined;
}

interface Registrations {
  current: string | undefined;
  /** Every registration this package used since the last reset: Reset forgets all of them. */
  all: string[];
}

const REGISTRATIONS_FORMAT = 'preview-registrations/1';

export class LearnerRecords {
  private readonly launches = new Map<LrsPackageId, LrsLaunch>();

  private constructor(
    private lrs: LrsHarness,
    private readonly dataDir: string,
    private readonly registrations: Record<LrsPackageId, Registrations>,
    private readonly options: LrsOptions,
  ) {}

  /**
   * Starts the preview's LRS. Only pages of `allowedOrigins()` (the preview's own origin) may call
   * it, and its xAPI key is new at every start: a page of another site can neither read the
   * learner's statements nor guess the credentials.
   */
  static async start(dataDir: string, allowedOrigins: () => readonly string[]): Promise<LearnerRecords> {
    const options: LrsOptions = {
      persistFile: join(dataDir, 'lrs.json'),
      basicAuth: { key: 'preview', secret: randomBytes(24).toString('base64url') },
      allowedOrigins,
    };
    const lrs = await startLrs(options);
    return new LearnerRecords(lrs, dataDir, loadRegistrations(join(dataDir, 'registrations.json')), options);
  }

  get url(): string {
    return this.lrs.url;
  }

  /** How a reader (the Report view) reaches the LRS: its xAPI endpoint and the preview's own credentials. */
  get reader(): { endpoint: string; username: string; password: string } {
    const { key, secret } = this.options.basicAuth;
    return { endpoint: this.lrs.endpoint, username: key, password: secret };
  }

  current(id: LrsPackageId): LrsLaunch | undefined {
    return this.launches.get(id);
  }

  /**
   * A TinCan launch (endpoint, auth, actor, registration, activity_id). `new` starts a new
   * registration; `resume` continues the last one, so the course reads its State document back.
   */
  launchXapi(pkg: PackageInfo, attempt: Attempt): LrsLaunch {
    const registration = this.registrationFor('xapi', attempt);
    const { key, secret } = this.options.basicAuth;
    const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
    const query = new URLSearchParams({
      endpoint: this.lrs.endpoint,
      auth,
      actor: JSON.stringify(PREVIEW_ACTOR),
      registration,
      activity_id: pkg.activityId ?? '',
    });
    return this.remember({ packageId: 'xapi', registration, launchQuery: query.toString(), ...this.logOffsets() });
  }

  /**
   * A cmi5 launch: the LMS writes LMS.LaunchData (with the AU's moveOn and masteryScore from
   * cmi5.xml), then opens the AU with endpoint, fetch, actor, registration and activityId (§8.1).
   * Every launch is a new session; `resume` keeps the registration.
   */
  launchCmi5(pkg: PackageInfo, attempt: Attempt, launchMode: LaunchMode, returnURL: string): LrsLaunch {
    const registration = this.registrationFor('cmi5', attempt);
    const session = this.lrs.createCmi5Session({
      actor: PREVIEW_ACTOR,
      registration,
      activityId: cmi5ActivityId(pkg),
      ...(pkg.activityId ? { publisherId: pkg.activityId } : {}),
      launchMode,
      ...(pkg.masteryScore !== undefined ? { masteryScore: pkg.masteryScore } : {}),
      moveOn: pkg.moveOn ?? 'NotApplicable',
      returnURL,
    });
    return this.remember({
      packageId: 'cmi5',
      registration,
      launchQuery: session.launchUrlQuery,
      sessionId: session.sessionId,
      launchMode,
      ...this.logOffsets(),
    });
  }

  activity(pkg: PackageInfo, launch: LrsLaunch): LrsActivity {
    const statements = this.registrationStatements(launch.registration);
    const all = statements.map(statementRow);
    const started = Date.parse(launch.startedAt);
    // cmi5 names the session in every statement; a TinCan launch has only time to go by.
    const mine =
      launch.sessionId !== undefined
        ? all.filter((row) => row.sessionId === launch.sessionId)
        : all.filter((_, index) => Date.parse(statements[index]?.stored ?? '') >= started);
    const stateId = `${pkg.courseId}.resume`;
    const doc = this.lrs.stateDocument({
      activityId: pkg.id === 'cmi5' ? cmi5ActivityId(pkg) : (pkg.activityId ?? ''),
      agent: { ...PREVIEW_ACTOR },
      registration: launch.registration,
      stateId,
    });
    const { launchQuery: _query, rejectionsFrom: _rejections, requestsFrom: _requests, ...shown } = launch;
    return {
      launch: shown,
      statements: mine,
      earlierStatements: all.length - mine.length,
      status: deriveStatus(all),
      rejections: this.lrs.rejections().slice(launch.rejectionsFrom).map(rejectionRow),
      requests: this.lrs.requests().length - launch.requestsFrom,
      resume: doc && { stateId, contentType: doc.contentType, document: parseMaybeJson(doc.content) },
    };
  }

  /** One line for the launcher: what the LRS holds for the package's current registration. */
  savedSummary(id: LrsPackageId): string | undefined {
    const registration = this.registrations[id].current;
    if (!registration) return undefined;
    const rows = this.statementsOf(registration);
    const status = deriveStatus(rows);
    const standing = [status.completedAt !== undefined ? 'completed' : 'not completed', status.outcome].filter(Boolean).join(', ');
    return `Registration ${registration.slice(0, 8)}…: ${rows.length} statement${rows.length === 1 ? '' : 's'}, ${standing}`;
  }

  hasSaved(id: LrsPackageId): boolean {
    return this.registrations[id].current !== undefined;
  }

  /**
   * Forgets the learner's attempts at this package: every statement, State document and cmi5
   * session of its registrations. An LRS cannot delete statements (xAPI only voids them), so
   * the preview stops its LRS, rewrites the persisted file without them and starts it again
   * on the same port. The other package's records stay.
   */
  async reset(id: LrsPackageId): Promise<void> {
    const forget = new Set(this.registrations[id].all.map((r) => r.toLowerCase()));
    this.launches.delete(id);
    this.registrations[id] = { current: undefined, all: [] };
    this.saveRegistrations();
    if (!forget.size) return;
    const port = Number(new URL(this.lrs.url).port);
    // A course closed just before Reset may still be sending its last statements (keepalive):
    // let them land first, or they would arrive at the restarted LRS and outlive the reset.
    await this.quietLrs();
    await this.lrs.close();
    const file = join(this.dataDir, 'lrs.json');
    const snapshot = loadSnapshot(file);
    if (snapshot) {
      const kept = (registration: unknown) => typeof registration !== 'string' || !forget.has(registration.toLowerCase());
      saveSnapshot(file, {
        statements: snapshot.statements.filter((s) => kept(s.context?.registration)),
        // State scopes are "state|<activity>|<agent>|<registration>" (document-resources.ts).
        documents: snapshot.documents.filter((d) => !d.scope.startsWith('state|') || kept(d.scope.split('|').at(-1))),
        sessions: snapshot.sessions.filter((s) => kept(s.launch.registration)),
      });
    }
    this.lrs = await startLrs({ ...this.options, port }).catch(() =>
      // The port was taken in between: any free one will do, launches carry the endpoint.
      startLrs(this.options),
    );
    // The new LRS starts with empty request logs.
    for (const launch of this.launches.values()) {
      launch.rejectionsFrom = 0;
      launch.requestsFrom = 0;
    }
  }

  async close(): Promise<void> {
    this.saveRegistrations();
    await this.lrs.close();
  }

  /** Resolves once no request has come in for QUIET_MS (waiting at least that, at most MAX_WAIT_MS). */
  private async quietLrs(): Promise<void> {
    const QUIET_MS = 400;
    const MAX_WAIT_MS = 3000;
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    while (Date.now() - started < MAX_WAIT_MS) {
      const last = this.lrs.requests().at(-1)?.at ?? 0;
      const idle = Date.now() - last;
      if (idle >= QUIET_MS) return;
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS - idle));
    }
  }

  private registrationFor(id: LrsPackageId, attempt: Attempt): string {
    const known = this.registrations[id];
    if (attempt === 'resume' && known.current) return known.current;
    const registration = randomUUID();
    this.registrations[id] = { current: registration, all: [...known.all, registration] };
    this.saveRegistrations();
    return registration;
  }

  private remember(launch: Omit<LrsLaunch, 'startedAt'>): LrsLaunch {
    const full: LrsLaunch = { ...launch, startedAt: new Date().toISOString() };
    this.launches.set(launch.packageId, full);
    return full;
  }

  private logOffsets() {
    return { rejectionsFrom: this.lrs.rejections().length, requestsFrom: this.lrs.requests().length };
  }

  private statementsOf(registration: string): StatementRow[] {
    return this.registrationStatements(registration).map(statementRow);
  }

  private registrationStatements(registration: string) {
    const wanted = registration.toLowerCase();
    return this.lrs.statements().filter((s) => s.context?.registration?.toLowerCase() === wanted);
  }

  private saveRegistrations(): void {
    writeJsonFile(join(this.dataDir, 'registrations.json'), { format: REGISTRATIONS_FORMAT, ...this.registrations });
  }
}

/** The LMS's own id for the AU (cmi5 §8.1.5): not the publisher id from cmi5.xml (8.1.5.0-3). */
const cmi5ActivityId = (pkg: PackageInfo): string => `https://lms.preview.invalid/${pkg.courseId}/au/1`;

function rejectionRow(rejection: ReturnType<LrsHarness['rejections']>[number]): RejectionRow {
  const bodies = Array.isArray(rejection.body) ? rejection.body : [rejection.body];
  const verbs = bodies.flatMap((b: unknown) =>
    isRecord(b) && isRecord(b.verb) && typeof b.verb.id === 'string' ? [verbName(b.verb.id)] : [],
  );
  return {
    method: rejection.method,
    path: rejection.path,
    status: rejection.status,
    reason: rejection.reason,
    requirement: rejection.requirement,
    verbs,
  };
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function loadRegistrations(file: string): Record<LrsPackageId, Registrations> {
  const raw = readJsonFile(file);
  const read = (value: unknown): Registrations => {
    if (!isRecord(value)) return { current: undefined, all: [] };
    const all = Array.isArray(value.all) ? value.all.filter((r): r is string => typeof r === 'string') : [];
    return { current: typeof value.current === 'string' ? value.current : undefined, all };
  };
  if (raw !== undefined && (!isRecord(raw) || raw.format !== REGISTRATIONS_FORMAT))
    throw new Error(`${file} is not a preview registrations file`);
  return { xapi: read(isRecord(raw) ? raw.xapi : undefined), cmi5: read(isRecord(raw) ? raw.cmi5 : undefined) };
}
