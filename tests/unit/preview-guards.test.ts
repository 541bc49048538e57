/**
 * While `npm start` runs, its LRS holds the learner's statements on
 * 127.0.0.1: a page of any other site must not read them, directly (CORS) or
 * through DNS rebinding (the Host header), nor guess the credentials. Bodies
 * too large are 413, malformed JSON is 400, everywhere.
 */
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { startPreview, type Preview } from '../../scripts/preview/index.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so the test can send any Host and Origin header, as a hostile page's browser would. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(options.body);
  });
}

const XAPI = { 'X-Experience-API-Version': '1.0.3' };

describe('the preview (npm start) and its LRS', () => {
  let preview: Preview;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'preview-guards-'));
    preview = await startPreview({ port: 0, dataDir, build: false });
  }, 120_000);
  afterAll(async () => {
    await preview?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const lrsStatements = () => `${preview.lrsUrl}/xapi/statements`;
  const launchUrl = (id: string) => `${preview.url}/api/packages/${id}/launch`;
  const json = { 'Content-Type': 'application/json' };

  it('answers pages of the preview’s own origin only, and never with "*"', async () => {
    const evil = await send(lrsStatements(), { headers: { ...XAPI, Origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await send(lrsStatements(), {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

    for (const own of [preview.url, preview.url.replace('127.0.0.1', 'localhost')]) {
      const answer = await send(lrsStatements(), { method: 'OPTIONS', headers: { Origin: own, 'Access-Control-Request-Method': 'GET' } });
      expect(answer.status, own).toBe(204);
      expect(answer.headers['access-control-allow-origin'], own).toBe(own);
      expect(answer.headers.vary, own).toMatch(/Origin/);
    }
  });

  it('refuses a request whose Host is not its own (DNS rebinding)', async () => {
    const port = new URL(preview.lrsUrl).port;
    const rebound = await send(lrsStatements(), { headers: { ...XAPI, Host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(403);
    const own = await send(lrsStatements(), { headers: { ...XAPI, Host: `localhost:${port}` } });
    expect(own.status).toBe(400); // reaches the LRS, which then asks for credentials
  });

  it('gives xAPI launches credentials made at start, not a fixed key', async () => {
    const launch = await send(launchUrl('xapi'), { method: 'POST', headers: { ...json, Origin: preview.url }, body: '{"attempt":"new"}' });
    expect(launch.status).toBe(200);
    const courseUrl = new URL(String((JSON.parse(launch.body) as { courseUrl: string }).courseUrl), preview.url);
    const auth = courseUrl.searchParams.get('auth') ?? '';
    const [key, secret] = Buffer.from(auth.replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    expect(key).toBe('preview');
    expect(secret).not.toBe('preview-local-only');
    expect(secret?.length).toBeGreaterThanOrEqual(32);
    const wrong = `Basic ${Buffer.from('preview:preview-local-only').toString('base64')}`;
    expect((await send(lrsStatements(), { headers: { ...XAPI, Authorization: wrong } })).status).toBe(401);
    expect((await send(lrsStatements(), { headers: { ...XAPI, Authorization: auth } })).status).toBe(200);
  });

  it('answers a malformed or meaningless launch body with 400 instead of resuming', async () => {
    for (const body of ['{"attempt": "new"', 'not json', '[]', '{"attempt":"neww"}', '{"launchMode":"Sideways"}']) {
      const answer = await send(launchUrl('scorm12'), { method: 'POST', headers: { ...json, Origin: preview.url }, body });
      expect(answer.status, body).toBe(400);
    }
    const fine = await send(launchUrl('scorm12'), {
      method: 'POST',
      headers: { ...json, Origin: preview.url },
      body: '{"attempt":"resume"}',
    });
    expect(fine.status).toBe(200);
  });

  it('answers a body that is too large with 413, the preview and its LRS alike', async () => {
    const big = `{"attempt":"new","pad":"${'x'.repeat(3_000_000)}"}`;
    expect((await send(launchUrl('scorm12'), { method: 'POST', headers: { ...json, Origin: preview.url }, body: big })).status).toBe(413);
    const statements = `[${'{"pad":"x"},'.repeat(1_000_000)}{}]`; // 12 MB
    const answer = await send(lrsStatements(), {
      method: 'POST',
      headers: { ...XAPI, ...json, Origin: preview.url, Authorization: 'Basic x' },
      body: statements,
    });
    expect(answer.status).toBe(413);
  });
});

describe('the test LRS on its own (hosts/lrs)', () => {
  let lrs: LrsHarness;
  beforeAll(async () => {
    lrs = await startLrs();
  });
  afterAll(() => lrs.close());

  it('lets course pages of any test server read its answers, as before', async () => {
    const answer = await send(`${lrs.url}/xapi/about`, { headers: { Origin: 'http://127.0.0.1:5555' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('still refuses another Host', async () => {
    const answer = await send(`${lrs.url}/xapi/about`, { headers: { Host: 'rebound.example' } });
    expect(answer.status).toBe(403);
  });
});
