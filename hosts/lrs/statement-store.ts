/**
 * Stored statements: immutable once accepted, found by id, queried with the
 * filters of xAPI 1.0.3 Communication §2.1.3, voided ones hidden (§2.1.4).
 *
 * Paging answers as the ADL LRS does (lrs/utils/retrieve_statement.py): at most
 * `pageLimit` statements a page (its SERVER_STMT_LIMIT, 100; `limit` 0, absent
 * or larger means that many), and a `more` link of the form
 * `/xapi/statements/more/<32 hex digits>`, relative to the server root as §2.1.3
 * says, naming the list of matches found by the first request. So a client that
 * follows `more` reads the result as it stood, even while statements arrive.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from '@xapi/xapi';
import { Refusal } from './http.js';
import { agentKey, isObject, type JsonObject } from './json.js';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

export interface StatementQuery {
  readonly agent?: string; // JSON
  readonly verb?: string;
  readonly activity?: string;
  readonly registration?: string;
  readonly related_activities?: string;
  readonly related_agents?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit?: string;
  readonly ascending?: string;
}

export interface StatementResult {
  readonly statements: Statement[];
  readonly more: string;
}

/** The ADL LRS's default SERVER_STMT_LIMIT. */
export const ADL_PAGE_LIMIT = 100;
/** "more" lists kept at once; the oldest is forgotten first (the ADL LRS keeps them a day in its cache). */
const KEPT_RESULTS = 200;

interface PendingResult {
  readonly matches: readonly Statement[];
  readonly offset: number;
  readonly limit: number;
}

export class StatementStore {
  private readonly list: Statement[] = [];
  private readonly byId = new Map<string, Statement>();
  /** Ids (lower case) of statements a stored `voided` statement targets. */
  private readonly voided = new Set<string>();
  private readonly results = new Map<string, PendingResult>();

  constructor(
    private readonly changed: () => void = () => undefined,
    private readonly pageLimit = ADL_PAGE_LIMIT,
  ) {}

  /** Copies: what a test does with them cannot change what the LRS holds. */
  all(): Statement[] {
    return structuredClone(this.list);
  }

  find(id: string): Statement | undefined {
    return this.byId.get(id.toLowerCase());
  }

  /** Part Two §2.3.2: a voided statement is only returned when asked for by voidedStatementId. */
  isVoided(id: string): boolean {
    return this.voided.has(id.toLowerCase());
  }

  add(statements: readonly Statement[]): void {
    this.restore(statements);
    this.changed();
  }

  /**
   * §2.1.3 with the common filters; `format` and `attachments=false` change nothing here. A statement
   * whose object is a StatementRef meets the filters other than since, until and limit when the
   * statement it targets meets them (§2.1.3, "Filter Conditions for StatementRefs"), as in the ADL LRS.
   */
  query(q: StatementQuery, moreBase: string): StatementResult {
    const agent = q.agent === undefined ? undefined : agentKey(JSON.parse(q.agent));
    const since = q.since === undefined ? -Infinity : Date.parse(q.since);
    const until = q.until === undefined ? Infinity : Date.parse(q.until);
    const relatedActivities = q.related_activities === 'true';
    const relatedAgents = q.related_agents === 'true';
    const meets = (s: Statement, depth: number): boolean => {
      const target = isObject(s.object) && s.object.objectType === 'StatementRef' ? this.find(String(s.object.id)) : undefined;
      if (target && depth < 10 && meets(target, depth + 1)) return true;
      if (q.verb !== undefined && s.verb.id !== q.verb) return false;
      if (q.registration !== undefined && s.context?.registration?.toLowerCase() !== q.registration.toLowerCase()) return false;
      if (q.activity !== undefined && !activityIds(s, relatedActivities).includes(q.activity)) return false;
      if (agent !== undefined && !agentKeys(s, relatedAgents).includes(agent)) return false;
      return true;
    };
    const matches = this.list.filter((s) => {
      const stored = Date.parse(s.stored ?? '');
      if (!(stored > since && stored <= until)) return false;
      if (s.id && this.isVoided(s.id)) return false;
      return meets(s, 0);
    });
    if (q.ascending !== 'true') matches.reverse();
    const asked = q.limit === undefined ? 0 : Number(q.limit);
    const limit = asked === 0 || asked > this.pageLimit ? this.pageLimit : asked;
    return this.page({ matches, offset: 0, limit }, moreBase);
  }

  /** The next page of an earlier result, by the key its `more` link carries; undefined when it is unknown. */
  more(key: string, moreBase: string): StatementResult | undefined {
    const pending = this.results.get(key);
    // Kept after use, as in the ADL LRS: a client that lost an answer can follow the same link again.
    return pending && this.page(pending, moreBase);
  }

  private page(result: PendingResult, moreBase: string): StatementResult {
    const { matches, offset, limit } = result;
    const statements = matches.slice(offset, offset + limit);
    const next = offset + statements.length;
    if (next >= matches.length) return { statements, more: '' };
    const key = randomBytes(16).toString('hex');
    this.results.set(key, { matches, offset: next, limit });
    for (const old of this.results.keys()) {
      if (this.results.size <= KEPT_RESULTS) break;
      this.results.delete(old);
    }
    return { statements, more: `${moreBase}${key}` };
  }

  /** The stored statements themselves, read-only (persistence, rule checks). */
  held(): readonly Statement[] {
    return this.list;
  }

  /** Loads statements kept from an earlier run, without reporting a change. */
  restore(statements: readonly Statement[]): void {
    for (const s of statements) {
      this.list.push(s);
      if (s.id) this.byId.set(s.id.toLowerCase(), s);
      if (s.verb.id === VOIDED && isObject(s.object) && s.object.objectType === 'StatementRef')
        this.voided.add(String(s.object.id).toLowerCase());
    }
  }
}

function activityIds(s: Statement, related: boolean): string[] {
  const ids: string[] = [];
  const object = s.object as unknown;
  if (isObject(object) && (object.objectType === undefined || object.objectType === 'Activity') && typeof object.id === 'string')
    ids.push(object.id);
  if (related && isObject(s.context?.contextActivities)) {
    for (const list of Object.values(s.context.contextActivities as JsonObject))
      for (const a of Array.isArray(list) ? list : [list]) if (isObject(a) && typeof a.id === 'string') ids.push(a.id);
  }
  return ids;
}

function agentKeys(s: Statement, related: boolean): string[] {
  const candidates: unknown[] = [s.actor, s.object];
  if (related) candidates.push(s.authority, s.context?.instructor, s.context?.team);
  return candidates.map(agentKey).filter((k): k is string => k !== undefined);
}

/** The parameters GET /statements accepts (§2.1.3). */
export const STATEMENT_QUERY_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
] as const;

export function checkQueryValues(q: Record<string, string>, isAgent: (x: unknown) => boolean, isTimestamp: (x: unknown) => boolean): void {
  if (q.agent !== undefined) {
    let agent: unknown;
    try {
      agent = JSON.parse(q.agent);
    } catch {
      throw new Refusal(400, 'parameter "agent" is not JSON');
    }
    if (!isAgent(agent)) throw new Refusal(400, 'parameter "agent" is not a valid Agent');
  }
  for (const name of ['related_activities', 'related_agents', 'ascending', 'attachments'])
    if (q[name] !== undefined && q[name] !== 'true' && q[name] !== 'false')
      throw new Refusal(400, `parameter "${name}" must be true or false`);
  if (q.attachments === 'true') throw new Refusal(400, 'attachments=true (multipart responses) is not supported by this harness');
  if (q.format !== undefined && !['ids', 'exact', 'canonical'].includes(q.format))
    throw new Refusal(400, 'parameter "format" must be ids, exact or canonical');
  if (q.limit !== undefined && !/^\d+$/.test(q.limit)) throw new Refusal(400, 'parameter "limit" must be a non-negative integer');
  for (const name of ['since', 'until'])
    if (q[name] !== undefined && !isTimestamp(q[name])) throw new Refusal(400, `parameter "${name}" is not an ISO 8601 timestamp`);
}
