/**
 * The statement queue against the local strict LRS (which answers as the ADL
 * LRS does: 409 to any id it holds, and then stores none of the batch): every
 * statement is stored exactly once, whatever the LRS answered or failed to.
 */
import { randomUUID } from 'node:crypto';
import type { Statement } from '@xapi/xapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { createLrsClient } from '../../src/tracking/xapi/lrs-client.js';
import { StatementQueue } from '../../src/tracking/xapi/statement-queue.js';

const KEY = { key: 'course', secret: 's3cret' };
const AUTH = `Basic ${Buffer.from(`${KEY.key}:${KEY.secret}`).toString('base64')}`;

let lrs: LrsHarness;
beforeEach(async () => {
  lrs = await startLrs({ basicAuth: KEY });
});
afterEach(async () => {
  await lrs.close();
});

const statement = (): Statement & { id: string } =>
  ({
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: 'mailto:learner@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'https://courses.example.com/lesson' },
    timestamp: new Date().toISOString(),
  }) as Statement & { id: string };

const storedIds = () => lrs.statements().map((s) => s.id);
const posts = () => lrs.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/statements'));
const lookUps = () => lrs.requests().filter((r) => r.method === 'GET' && r.query.includes('statementId'));

describe('StatementQueue', { timeout: 20_000 }, () => {
  it('after a 409 looks up which ids the LRS holds and sends only the others', async () => {
    const client = createLrsClient(lrs.endpoint, AUTH);
    const held = statement();
    await client.request('statements', { method: 'POST', body: [held] }); // an earlier send that arrived
    const queue = new StatementQueue(client, { storageKey: 'q', retryDelaysMs: [50] });
    const fresh = [statement(), statement()];

    queue.add(fresh[0]!);
    queue.add(held);
    queue.add(fresh[1]!);
    await queue.drained();

    expect(storedIds().sort()).toEqual([held.id, ...fresh.map((s) => s.id)].sort());
    expect(lookUps().length).toBeGreaterThan(0);
    expect(queue.size).toBe(0);
  });

  it('after a send whose answer never came (the LRS stored it), looks the ids up instead of sending them again', async () => {
    const client = createLrsClient(lrs.endpoint, AUTH, 150);
    const queue = new StatementQueue(client, { storageKey: 'q', retryDelaysMs: [300] });
    lrs.faults.delayMs = 400; // the LRS stores the batch after the course gave up waiting
    const sent = [statement(), statement()];

    for (const s of sent) queue.add(s);
    await new Promise((resolve) => setTimeout(resolve, 500));
    lrs.faults.delayMs = 0;
    await queue.drained();

    expect(storedIds().sort()).toEqual(sent.map((s) => s.id).sort());
    expect(posts().filter((r) => r.status === 200)).toHaveLength(1);
    // Never a 409: nothing the LRS may hold was sent again blind. (Whether the LRS got the body before the
    // course gave up depends on timing; either way each statement is stored once.)
    expect(lrs.rejections().filter((r) => r.status === 409)).toEqual([]);
  });

  it('keeps one batch in flight; a flush sends only what is not in flight', async () => {
    const client = createLrsClient(lrs.endpoint, AUTH);
    const queue = new StatementQueue(client, { storageKey: 'q', batchSize: 2 });
    lrs.faults.delayMs = 200;
    const all = [statement(), statement(), statement(), statement()];

    for (const s of all) queue.add(s);
    queue.flushNow();
    await queue.drained();

    const batches = posts().map((r) => r.statementIds ?? []);
    expect(batches.flat().sort()).toEqual(all.map((s) => s.id).sort()); // each id in exactly one request
    expect(storedIds()).toHaveLength(4);
    expect(lrs.rejections()).toEqual([]);
  });
});
