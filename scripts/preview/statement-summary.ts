/**
 * What the preview panel shows of xAPI statements: one plain row per
 * statement, and the learner's standing derived from them the way an LMS
 * reads them (completed, passed/failed, score, time). Pure functions.
 */
import type { Statement } from '@xapi/xapi';
import { durationMs } from '../../hosts/scorm/session-seed.js';
import { SESSION_ID_EXTENSION } from '../../hosts/lrs/index.js';
import { isRecord } from './json-file.js';

export interface StatementRow {
  readonly id: string;
  readonly timestamp: string | undefined;
  /** The verb's display name, or the last segment of its IRI. */
  readonly verb: string;
  readonly verbId: string;
  readonly objectId: string;
  readonly objectName: string | undefined;
  readonly success: boolean | undefined;
  readonly completion: boolean | undefined;
  readonly score: ScoreView | undefined;
  readonly response: string | undefined;
  /** ISO 8601, as sent. */
  readonly duration: string | undefined;
  /** cmi5 session id extension, when the statement has one. */
  readonly sessionId: string | undefined;
}

export interface ScoreView {
  readonly scaled: number | undefined;
  readonly raw: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
}

export interface LrsStatus {
  /** Timestamp of the completed statement, if any. */
  readonly completedAt: string | undefined;
  /** The latest passed or failed. */
  readonly outcome: 'passed' | 'failed' | undefined;
  readonly score: ScoreView | undefined;
  /** The newest session's duration as its latest terminated/completed/passed/failed reported it. */
  readonly lastSessionDuration: string | undefined;
  /** Sum over sessions of each session's reported duration, in ms. */
  readonly totalDurationMs: number;
  readonly sessions: number;
  /** The newest session ended with terminated. */
  readonly terminated: boolean;
}

/** Verbs that carry the session's duration (cmi5 §9.5.4.1; the course sends it on all four). */
const TIMED_VERBS = ['completed', 'passed', 'failed', 'terminated'];

export function statementRow(statement: Statement): StatementRow {
  const object: unknown = statement.object;
  const result = statement.result;
  const extensions = statement.context?.extensions;
  const sessionId = isRecord(extensions) ? extensions[SESSION_ID_EXTENSION] : undefined;
  return {
    id: statement.id ?? '',
    timestamp: statement.timestamp,
    verb: languageText(statement.verb.display) ?? verbName(statement.verb.id),
    verbId: statement.verb.id,
    objectId: isRecord(object) && typeof object.id === 'string' ? object.id : '',
    objectName: objectName(object),
    success: result?.success,
    completion: result?.completion,
    score: result?.score && { scaled: result.score.scaled, raw: result.score.raw, min: result.score.min, max: result.score.max },
    response: result?.response,
    duration: result?.duration,
    sessionId: typeof sessionId === 'string' ? sessionId : undefined,
  };
}

/** The standing an LMS would read from a registration's statements, in stored order. */
export function deriveStatus(rows: readonly StatementRow[]): LrsStatus {
  const verb = (row: StatementRow) => verbName(row.verbId);
  const completed = rows.find((row) => verb(row) === 'completed');
  const judged = rows.filter((row) => verb(row) === 'passed' || verb(row) === 'failed').at(-1);
  const sessions = splitSessions(rows);
  const durations = sessions.map(sessionDuration);
  const last = sessions.at(-1);
  return {
    completedAt: completed ? (completed.timestamp ?? '') : undefined,
    outcome: judged ? (verb(judged) === 'passed' ? 'passed' : 'failed') : undefined,
    score: judged?.score,
    lastSessionDuration: durations.at(-1),
    totalDurationMs: durations.reduce((sum, d) => sum + (d ? durationMs(d) : 0), 0),
    sessions: sessions.length,
    terminated: last !== undefined && last.some((row) => verb(row) === 'terminated'),
  };
}

/** The last segment of a verb IRI: ".../verbs/answered" → "answered". */
export const verbName = (id: string): string => id.split('/').pop() ?? id;

/** cmi5 statements name their session; plain xAPI sessions start with initialized. */
function splitSessions(rows: readonly StatementRow[]): StatementRow[][] {
  const sessions: StatementRow[][] = [];
  let currentKey: string | undefined;
  for (const row of rows) {
    const key = row.sessionId;
    const starts = key !== undefined ? key !== currentKey : verbName(row.verbId) === 'initialized' || sessions.length === 0;
    if (starts) sessions.push([]);
    sessions.at(-1)?.push(row);
    currentKey = key;
  }
  return sessions;
}

function sessionDuration(session: readonly StatementRow[]): string | undefined {
  const timed = session.filter((row) => TIMED_VERBS.includes(verbName(row.verbId)) && row.duration);
  return timed.reduce<string | undefined>((longest, row) => {
    if (!row.duration) return longest;
    return longest === undefined || durationMs(row.duration) >= durationMs(longest) ? row.duration : longest;
  }, undefined);
}

function objectName(object: unknown): string | undefined {
  if (!isRecord(object) || !isRecord(object.definition)) return undefined;
  return languageText(object.definition.name) ?? languageText(object.definition.description);
}

/** en-US first, else the first language the map has. */
function languageText(map: unknown): string | undefined {
  if (!isRecord(map)) return undefined;
  const preferred = map['en-US'] ?? map.en ?? Object.values(map)[0];
  return typeof preferred === 'string' ? preferred : undefined;
}
