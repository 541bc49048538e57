/**
 * /xapi/statements (xAPI 1.0.3 Communication §2.1): store after validation,
 * idempotency by id, cmi5 session rules, and retrieval.
 */
import { randomUUID } from 'node:crypto';
import type { Statement } from '@xapi/xapi';
import { header, replyJson, reply, type Exchange, type Lrs } from './exchange.js';
import { checkParams, jsonBody, Refusal } from './http.js';
import { isObject, type JsonObject } from './json.js';
import { checkQueryValues, STATEMENT_QUERY_PARAMS } from './statement-store.js';
import { isAgent, isTimestamp, isUuid, statementProblems } from './statement-validation.js';

export function statementsResource(lrs: Lrs, x: Exchange): void {
  // §2.1.3 (2.1.3.s2.b5): every Statement Resource answer says how far it is consistent.
  const consistent = { 'x-experience-api-consistent-through': new Date().toISOString() };
  if (x.method === 'GET') return getStatements(lrs, x, consistent);
  if (x.method === 'PUT') {
    const { statementId } = checkParams(x.query, ['statementId'], ['statementId']);
    if (!statementId || !isUuid(statementId)) throw new Refusal(400, 'parameter "statementId" must be a UUID');
    const statement = jsonBody(x.body, header(x, 'content-type'));
    if (!isObject(statement)) throw new Refusal(400, 'PUT /statements takes one statement object');
    // §2.1.1 (2.1.1.s3.b3): "the id property of the Statement MUST match the statementId parameter".
    if (statement.id !== undefined && String(statement.id).toLowerCase() !== statementId.toLowerCase())
      throw new Refusal(400, `the statement id ${String(statement.id)} does not match statementId ${statementId}`);
    store(lrs, x, [{ ...statement, id: statement.id ?? statementId }]);
    return reply(x, 204, undefined, consistent);
  }
  if (x.method === 'POST') {
    // SPEC NOTE: the Alternate Request Syntax (§1.3, `?method=`) is not supported: its parameter is refused as unknown.
    checkParams(x.query, []);
    const body = jsonBody(x.body, header(x, 'content-type'));
    const list = Array.isArray(body) ? body : [body];
    return replyJson(x, 200, store(lrs, x, list), consistent);
  }
  throw new Refusal(405, `${x.method} is not allowed on /statements`);
}

/** Validates, de-duplicates, applies cmi5 rules, then stores all or nothing; returns the ids in order. */
function store(lrs: Lrs, x: Exchange, list: readonly unknown[]): string[] {
  const where = (i: number) => (list.length > 1 ? `statement ${i}` : 'the statement');
  list.forEach((item, i) => {
    const problems = statementProblems(item);
    if (problems.length) throw new Refusal(400, `${where(i)} is not valid xAPI: ${problems.join(' | ')}`);
  });
  const items = list as JsonObject[]; // each one passed both validators above
  items.forEach((item, i) => {
    // Part Two §2.4.10 (2.4.10.s3.b2): a version not starting with 1.0. is refused (2.0.x accepted for 2.0 clients).
    if (item.version !== undefined && !/^(1|2)\.0\./.test(String(item.version)))
      throw new Refusal(400, `${where(i)} has version ${String(item.version)}; only 1.0.x is accepted`);
  });
  const ids = items.map((item) => (typeof item.id === 'string' ? item.id.toLowerCase() : undefined));
  const repeated = ids.find((id, i) => id !== undefined && ids.indexOf(id) !== i);
  // §2.1.2 (2.1.2.s2.b6): a batch with two statements of one id is refused.
  if (repeated) throw new Refusal(400, `the batch holds statement id ${repeated} more than once`);

  // §2.1.2 (2.1.2.s2.b4) lets an LRS accept the same statement again; the ADL LRS does not: it answers 409
  // to any id it holds, same content or not, and stores none of the batch (reference-answers.json). So
  // does this LRS, so the course must find out which ids are stored instead of sending them again.
  for (const item of items) {
    if (typeof item.id === 'string' && lrs.statements.find(item.id))
      throw new Refusal(409, `a statement with id ${item.id} is already stored`);
  }
  const fresh = items;

  const tokenSession = x.principal.kind === 'cmi5' ? x.principal.session : undefined;
  const commit = lrs.sessions.check(fresh, tokenSession, lrs.statements.held() as unknown as readonly JsonObject[]);
  const now = new Date().toISOString();
  const assigned = new Map<JsonObject, string>();
  const accepted = fresh.map((item) => {
    const id = typeof item.id === 'string' ? item.id : randomUUID();
    assigned.set(item, id);
    // Part Two §2.4.7–§2.4.10: the LRS sets stored and authority, and timestamp and version when absent.
    return {
      ...item,
      id,
      timestamp: item.timestamp ?? now,
      stored: now,
      authority: x.principal.authority,
      version: item.version ?? '1.0.0',
    };
  });
  commit();
  lrs.statements.add(accepted as unknown as Statement[]); // validated above
  return items.map((item) => assigned.get(item) ?? String(item.id));
}

function getStatements(lrs: Lrs, x: Exchange, consistent: Record<string, string>): void {
  const q = checkParams(x.query, [...STATEMENT_QUERY_PARAMS, 'statementId', 'voidedStatementId']);
  const single = q.statementId ?? q.voidedStatementId;
  if (single !== undefined) {
    // §2.1.3 (2.1.3.s2.b1, b2): one id, and besides it only attachments/format.
    if (q.statementId !== undefined && q.voidedStatementId !== undefined)
      throw new Refusal(400, 'statementId and voidedStatementId cannot be combined');
    const others = Object.keys(q).filter((k) => !['statementId', 'voidedStatementId', 'attachments', 'format'].includes(k));
    if (others.length) throw new Refusal(400, `a single-statement GET takes no ${others.join(', ')}`);
    checkQueryValues(q, isAgent, isTimestamp);
    const found = lrs.statements.find(single);
    const voided = found?.id !== undefined && lrs.statements.isVoided(found.id);
    // §2.1.4: a voided statement only by voidedStatementId, a live one only by statementId.
    if (!found || voided !== (q.voidedStatementId !== undefined)) throw new Refusal(404, `no statement ${single}`);
    return replyJson(x, 200, found, consistent);
  }
  checkQueryValues(q, isAgent, isTimestamp);
  return replyJson(x, 200, lrs.statements.query(q, moreBase(lrs)), consistent);
}

/** The path of "more" links: relative to the server root (§2.1.3, StatementResult), as the ADL LRS writes them. */
const moreBase = (lrs: Lrs) => `${lrs.base}statements/more/`;

/** GET /xapi/statements/more/<key>: the next page of an earlier result (the ADL LRS's statements_more view). */
export function moreStatements(lrs: Lrs, x: Exchange, key: string): void {
  if (x.method !== 'GET') throw new Refusal(405, `${x.method} is not allowed on a "more" link`);
  checkParams(x.query, []);
  const page = /^[0-9a-f]{32}$/.test(key) ? lrs.statements.more(key, moreBase(lrs)) : undefined;
  if (!page) throw new Refusal(404, 'this "more" link is unknown (or so old that it was forgotten)');
  replyJson(x, 200, page, { 'x-experience-api-consistent-through': new Date().toISOString() });
}
