/**
 * The LMS side of cmi5 launches: sessions with their launch data, the one-time
 * fetch URL that issues the auth token (§8.2), and applying the AU rules
 * (cmi5-rules.ts) to a batch of statements all-or-nothing.
 */
import { randomUUID } from 'node:crypto';
import { Refusal } from './http.js';
import { agentKey, isObject, type JsonObject } from './json.js';
import {
  afterStatement,
  checkAuStatement,
  NEW_SESSION,
  registrationRecord,
  SESSION_ID_EXTENSION,
  type Cmi5Launch,
  type LaunchMode,
  type RegistrationRecord,
  type SessionProgress,
} from './cmi5-rules.js';
import { cmi5Requirement } from './standards.js';
import { isAgent, isIri, isUuid } from './statement-validation.js';

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

export interface Cmi5SessionOptions {
  /** An Agent with an `account` IFI (cmi5 §9.2). */
  readonly actor: JsonObject;
  readonly registration: string;
  /** The LMS-generated activity id of the AU (§8.1.5), the object of every cmi5 defined statement. */
  readonly activityId: string;
  readonly launchMode?: LaunchMode;
  /** 0…1, at most 4 decimals (§10.2.4). */
  readonly masteryScore?: number;
  readonly moveOn?: MoveOn;
  readonly returnURL?: string;
  /** Extra context the LMS requires; the session id extension is always added (§10.2.1). */
  readonly contextTemplate?: JsonObject;
  /** The AU's id from cmi5.xml, put in contextTemplate.contextActivities.grouping (§9.6.2.3). */
  readonly publisherId?: string;
  readonly launchParameters?: string;
}

export interface Cmi5Session {
  readonly launch: Cmi5Launch;
  /** The LMS.LaunchData state document (§10.2). */
  readonly launchData: JsonObject;
  token?: string;
  progress: SessionProgress;
}

/** A refusal that cites a cmi5 requirement with its text. */
export const cmi5Refusal = (status: number, requirement: string, reason: string): Refusal =>
  new Refusal(status, `${reason} — cmi5 ${requirement}: ${cmi5Requirement(requirement)}`, requirement);

const MOVE_ON: readonly MoveOn[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

export class Cmi5Sessions {
  private readonly sessions = new Map<string, Cmi5Session>();

  constructor(private readonly changed: () => void) {}

  /** Throws on options a conformant LMS could not have produced: the harness itself must be right. */
  create(options: Cmi5SessionOptions): Cmi5Session {
    checkOptions(options);
    const sessionId = randomUUID();
    const template = options.contextTemplate ?? {};
    const templateActivities = isObject(template.contextActivities) ? template.contextActivities : {};
    const grouping = [
      ...(Array.isArray(templateActivities.grouping) ? templateActivities.grouping : []),
      ...(options.publisherId ? [{ objectType: 'Activity', id: options.publisherId }] : []),
    ];
    const contextTemplate: JsonObject = {
      ...template,
      ...(grouping.length || Object.keys(templateActivities).length
        ? { contextActivities: { ...templateActivities, ...(grouping.length ? { grouping } : {}) } }
        : {}),
      extensions: { ...(isObject(template.extensions) ? template.extensions : {}), [SESSION_ID_EXTENSION]: sessionId },
    };
    const launchMode = options.launchMode ?? 'Normal';
    const launchData: JsonObject = {
      contextTemplate,
      launchMode,
      ...(options.launchParameters !== undefined ? { launchParameters: options.launchParameters } : {}),
      ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
      moveOn: options.moveOn ?? 'NotApplicable',
      ...(options.returnURL !== undefined ? { returnURL: options.returnURL } : {}),
    };
    const session: Cmi5Session = {
      launch: {
        sessionId,
        registration: options.registration,
        activityId: options.activityId,
        actor: options.actor,
        launchMode,
        ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
        contextTemplate,
      },
      launchData,
      progress: NEW_SESSION,
    };
    this.sessions.set(sessionId, session);
    this.changed();
    return session;
  }

  /**
   * §8.2.1 / §8.2.3: the first POST gets the token; later ones get error-code 1, still with HTTP 200 (8.2.2.0-3).
   * The token is base64 of "user:password" like the spec's sample, so `Basic <token>` is ordinary Basic auth.
   */
  fetch(sessionId: string): { token: string } | { errorCode: '1' | '2'; errorText: string } {
    const session = this.sessions.get(sessionId);
    if (!session) return { errorCode: '2', errorText: `no launch session ${sessionId}` };
    if (session.token) return { errorCode: '1', errorText: 'The authorization token has already been returned.' };
    session.token = Buffer.from(`cmi5-${sessionId}:${randomUUID()}`).toString('base64');
    this.changed();
    return { token: session.token };
  }

  byToken(credential: string): Cmi5Session | undefined {
    return [...this.sessions.values()].find((s) => s.token !== undefined && s.token === credential);
  }

  /** A statement sent with other credentials still belongs to the session its context names. */
  byContext(statement: JsonObject): Cmi5Session | undefined {
    const context = isObject(statement.context) ? statement.context : {};
    const extensions = isObject(context.extensions) ? context.extensions : {};
    const session = this.sessions.get(String(extensions[SESSION_ID_EXTENSION] ?? ''));
    return session && String(context.registration ?? '').toLowerCase() === session.launch.registration.toLowerCase() ? session : undefined;
  }

  /** §11: the AU read cmi5LearnerPreferences (a 404 counts: it asked). */
  preferencesRead(session: Cmi5Session | undefined, agent: unknown): void {
    const key = agentKey(agent);
    const targets = session
      ? [session]
      : [...this.sessions.values()].filter((s) => agentKey(s.launch.actor) === key && !s.progress.initialized);
    for (const s of targets) s.progress = { ...s.progress, preferencesRead: true };
    if (targets.length) this.changed();
  }

  /**
   * Checks a batch in order, as if each statement were stored before the next (xAPI 1.0.3
   * Communication 3.2.s3.b9: one bad statement rejects the batch). Returns the commit.
   */
  check(statements: readonly JsonObject[], tokenSession: Cmi5Session | undefined, stored: readonly JsonObject[]): () => void {
    const progress = new Map<Cmi5Session, SessionProgress>();
    const records = new Map<string, RegistrationRecord>();
    statements.forEach((statement, index) => {
      const session = tokenSession ?? this.byContext(statement);
      if (!session) return;
      const key = `${session.launch.registration.toLowerCase()}|${session.launch.activityId}`;
      const running = progress.get(session) ?? session.progress;
      // As CATAPULT: whether the session is initialized is judged as it was before the batch, so a
      // statement sent in one batch with its session's `initialized` is refused (9.3.0.0-4).
      const before = { ...running, initialized: session.progress.initialized };
      const record = records.get(key) ?? registrationRecord(stored, session.launch);
      const violation = checkAuStatement(statement, session.launch, before, record);
      if (violation) {
        const which = statements.length > 1 ? `statement ${index} (${String(statement.id)})` : `statement ${String(statement.id)}`;
        throw new Refusal(violation.status, `${which}: ${violation.reason}`, violation.requirement);
      }
      const after = afterStatement(statement, running, record);
      progress.set(session, after.progress);
      records.set(key, after.registration);
    });
    return () => {
      for (const [session, p] of progress) session.progress = p;
      if (progress.size) this.changed();
    };
  }

  serialize(): Cmi5Session[] {
    return [...this.sessions.values()];
  }

  restore(sessions: readonly Cmi5Session[]): void {
    for (const s of sessions) this.sessions.set(s.launch.sessionId, { ...s });
  }
}

function checkOptions(o: Cmi5SessionOptions): void {
  const problems: string[] = [];
  if (!isAgent(o.actor) || !isObject(o.actor.account)) problems.push('actor must be an Agent with an account (cmi5 §9.2)');
  if (!isUuid(o.registration)) problems.push('registration must be a UUID (§8.1.4)');
  if (!isIri(o.activityId)) problems.push('activityId must be an IRI (§8.1.5)');
  if (o.publisherId !== undefined && !isIri(o.publisherId)) problems.push('publisherId must be an IRI (§9.6.2.3)');
  if (o.publisherId !== undefined && o.publisherId === o.activityId) problems.push('activityId must not be the publisher id (8.1.5.0-3)');
  if (o.masteryScore !== undefined && !(o.masteryScore >= 0 && o.masteryScore <= 1 && Number(o.masteryScore.toFixed(4)) === o.masteryScore))
    problems.push('masteryScore must be 0…1 with at most 4 decimals (§10.2.4)');
  if (o.moveOn !== undefined && !MOVE_ON.includes(o.moveOn)) problems.push(`moveOn must be one of ${MOVE_ON.join(', ')}`);
  if (o.returnURL !== undefined && !URL.canParse(o.returnURL)) problems.push('returnURL must be a URL (§10.2.6)');
  if (problems.length) throw new TypeError(`createCmi5Session: ${problems.join('; ')}`);
}
