/**
 * The local LRS answers as ADL's reference LRS does: every request of the
 * recorded table (hosts/lrs/reference-answers.json, observed on the ADL LRS)
 * is played against the harness, which must give the same status, and send an
 * ETag exactly where the reference did. A difference the table explains (a
 * `harness` entry) must be the one it names.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { playCase, type ReferenceTable } from '../../hosts/lrs/reference-answers.js';

const table = JSON.parse(readFileSync('hosts/lrs/reference-answers.json', 'utf8')) as ReferenceTable;
const KEY = { key: 'reference', secret: 'reference-secret' };

let lrs: LrsHarness;
beforeAll(async () => {
  lrs = await startLrs({ basicAuth: KEY });
});
afterAll(async () => {
  await lrs.close();
});

describe(`answers as the reference LRS (${table.observed.host}, ${table.observed.at})`, () => {
  it('the table covers what the course relies on', () => {
    const steps = table.cases.flatMap((c) => c.steps);
    expect(steps.length).toBeGreaterThan(40);
    expect(steps.some((s) => s.params?.cachebuster !== undefined && s.status === 400)).toBe(true);
    expect(steps.some((s) => s.method === 'PUT' && s.resource === 'activities/state' && s.status === 409)).toBe(true);
    expect(steps.some((s) => s.method === 'POST' && s.body === '$A' && s.status === 409)).toBe(true);
  });

  it.each(table.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const answers = await playCase(
      { endpoint: lrs.endpoint, auth: `Basic ${Buffer.from(`${KEY.key}:${KEY.secret}`).toString('base64')}` },
      c,
    );
    const expected = c.steps.map((s) => ({ status: s.harness?.status ?? s.status, ...(s.etag === undefined ? {} : { etag: s.etag }) }));
    const actual = answers.map((a, i) => ({ status: a.status, ...(c.steps[i]?.etag === undefined ? {} : { etag: a.etag }) }));
    expect(actual).toEqual(expected);
  });
});
