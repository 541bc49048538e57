/**
 * The local preview LMS behind `npm start`: one HTTP server on 127.0.0.1 that
 * serves the launcher and player pages (scripts/preview/ui/, built by build-ui.ts), the unpacked
 * packages, the strict SCORM host (hosts/scorm) and a small JSON API, plus
 * one strict LRS + cmi5 LMS (hosts/lrs) for the xAPI and cmi5 packages.
 *
 *   const preview = await startPreview({ port: 0, root: process.cwd(), dataDir: '/tmp/preview' });
 *   // open preview.url … then
 *   await preview.close();
 *
 * Everything the learner does survives a restart: SCORM data in <dataDir>/scorm.json,
 * statements and State documents in <dataDir>/lrs.json, registrations in
 * <dataDir>/registrations.json.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { ensureHostBuilt } from '../../hosts/scorm/build-host.js';
import { hostPageHtml } from '../../hosts/scorm/host-page.js';
import type { LaunchMode } from '../../hosts/lrs/index.js';
import type { ScormVersion } from '../../hosts/scorm/session-seed.js';
import { pageStyleHash } from '../../src/build/critical-style.js';
import { ensurePreviewUiBuilt } from './build-ui.js';
import { isRecord } from './json-file.js';
import { LearnerRecords, type Attempt } from './learner-records.js';
import { PACKAGE_IDS, preparePackages, type PackageId, type PackageInfo } from './packages.js';
import { isReportFile, REPORT_CSP, REPORT_TYPES, reportFile, runPreviewReport } from './report-view.js';
import { isFlatCmi, ScormStore } from './scorm-store.js';

export interface PreviewOptions {
  /** Default 4173; 0 picks a free port. */
  readonly port?: number;
  /** The repository (dist/, scripts/build.ts). Default: the working directory. */
  readonly root?: string;
  /** Unpacked packages and the learner's records. Default: <root>/.preview. */
  readonly dataDir?: string;
  /** Build when dist/ lacks a package (default true). */
  readonly build?: boolean;
}

export interface Preview {
  /** e.g. http://127.0.0.1:4173 (no trailing slash) */
  readonly url: string;
  readonly lrsUrl: string;
  readonly dataDir: string;
  readonly packages: readonly PackageInfo[];
  /** Closes both servers and writes the stores once more. */
  close(): Promise<void>;
}

/** A package as GET /api/packages lists it: what the launcher shows and the player launches. */
export interface PackageView extends Omit<PackageInfo, 'dir'> {
  /** cmi5 only: the launch modes the LMS may open the AU in. */
  readonly launchModes: readonly LaunchMode[] | undefined;
  /** Web only: the localStorage key of the standalone course's progress (the page reads it, the server cannot). */
  readonly storageKey: string | undefined;
  /** What the preview holds for the learner; null when nothing (web: always null, see storageKey). */
  readonly saved: SavedSummary | null;
}

export interface SavedSummary {
  readonly summary: string;
  readonly at?: string;
}

/** What the player needs to open a launch. */
export interface LaunchView {
  readonly packageId: PackageId;
  readonly attempt: Attempt;
  /** Where the course frame goes: the strict host page for SCORM, the course itself otherwise. */
  readonly courseUrl: string;
  readonly frame: 'scorm-host' | 'course';
  readonly startedAt: string;
  readonly launchMode?: LaunchMode;
  readonly registration?: string;
  readonly sessionId?: string;
  /** Web: the localStorage key the standalone course keeps its progress under. */
  readonly storageKey?: string;
}

const SCORM_VERSIONS: Readonly<Record<'scorm12' | 'scorm2004', ScormVersion>> = { scorm12: '1.2', scorm2004: '2004' };
const LAUNCH_MODES: readonly LaunchMode[] = ['Normal', 'Browse', 'Review'];
const MAX_BODY_BYTES = 2_000_000;

/** The preview pages: own scripts and styles only, course frames from this origin. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The course as a careful LMS serves it (SECURITY.md): no inline script, only its own inline style
 * (allowed by its hash), nothing from elsewhere but the LRS.
 */
const courseCsp = (lrsUrl: string, styleHash: string | undefined) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${styleHash ? ` ${styleHash}` : ''}`,
    "img-src 'self' data:",
    `connect-src 'self' ${lrsUrl}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const root = options.root ?? process.cwd();
  const dataDir = options.dataDir ?? join(root, '.preview');
  const packages = await preparePackages({ root, dataDir, build: options.build });
  const harnessDir = await ensureHostBuilt();
  const pagesDir = await ensurePreviewUiBuilt();
  const scorm = new ScormStore(join(dataDir, 'scorm.json'));
  /** This server's origin once it listens; the LRS answers pages of this origin only (127.0.0.1 or localhost). */
  let origin = '';
  const previewOrigins = () => (origin ? [origin, origin.replace('//127.0.0.1:', '//localhost:')] : []);
  const records = await LearnerRecords.start(dataDir, previewOrigins);
  const launches = new Map<PackageId, LaunchView>();
  /** When each SCORM package's attempt last ended by Reset or New attempt: data from launches before is stale. */
  const scormEpoch = new Map<PackageId, string>();
  const byId = new Map(packages.map((p) => [p.id, p]));

  const serveStatic = (dir: string) => sirv(dir, { dev: true, etag: true, dotfiles: false });
  const pageFiles = serveStatic(pagesDir);
  const harnessFiles = serveStatic(harnessDir);
  const packageFiles = new Map(packages.map((p) => [p.id, serveStatic(p.dir)]));
  const styleHashes = new Map(await Promise.all(packages.map(async (p) => [p.id, await pageStyleHash(p.dir)] as const)));

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('preview: request failed', error);
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', origin);
    // Only this machine's own names: a page elsewhere cannot reach the preview through DNS rebinding.
    const host = request.headers.host ?? '';
    if (!isLocalHost(host, url.port)) return sendJson(response, 403, { error: `unexpected Host ${host}` });
    // Changes only from the preview's own pages, never from another site the browser has open.
    const from = request.headers.origin;
    if (method !== 'GET' && method !== 'HEAD' && from !== undefined && from !== `http://${host}`)
      return sendJson(response, 403, { error: `requests from ${from} are not accepted` });

    const path = url.pathname;
    if (path.startsWith('/api/')) return api(method, path, request, response, host);
    const hostPage = /^\/lms\/(scorm12|scorm2004)\/host\.html$/.exec(path)?.[1];
    if (hostPage === 'scorm12' || hostPage === 'scorm2004') return sendHostPage(response, hostPage);
    const packageMatch = /^\/packages\/([a-z0-9]+)(\/.*)?$/.exec(path);
    if (packageMatch) {
      const id = packageMatch[1] ?? '';
      if (!isPackageId(id)) return notFound(response);
      const serve = packageFiles.get(id);
      if (!serve) return notFound(response);
      response.setHeader('Content-Security-Policy', courseCsp(records.url, styleHashes.get(id)));
      return serveUnder(request, response, `/packages/${packageMatch[1]}`, serve);
    }
    if (path.startsWith('/harness/')) return serveUnder(request, response, '/harness', harnessFiles);
    response.setHeader('Content-Security-Policy', PAGE_CSP);
    return pageFiles(request, response, () => notFound(response));
  }

  async function api(method: string, path: string, request: IncomingMessage, response: ServerResponse, host: string): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    if (path === '/api/packages' && method === 'GET') return sendJson(response, 200, { packages: packages.map(packageView) });
    if (path === '/api/report' && method === 'POST')
      return sendJson(response, 200, await runPreviewReport({ root, dataDir }, records.reader));
    const reportName = /^\/api\/report\/([a-z]+\.(?:html|json|csv))$/.exec(path)?.[1];
    if (reportName !== undefined && method === 'GET') {
      const body = isReportFile(reportName) ? await reportFile(dataDir, reportName) : undefined;
      if (!body || !isReportFile(reportName)) return sendJson(response, 404, { error: 'no report yet: run it first' });
      const headers: Record<string, string> = { 'Content-Type': REPORT_TYPES[reportName], 'X-Content-Type-Options': 'nosniff' };
      if (reportName === 'report.html') headers['Content-Security-Policy'] = REPORT_CSP;
      else headers['Content-Disposition'] = `attachment; filename="${reportName}"`;
      response.writeHead(200, headers).end(body);
      return;
    }
    const match = /^\/api\/packages\/([a-z0-9]+)\/(launch|reset|activity|scorm-data)$/.exec(path);
    const id = match?.[1];
    const pkg = id && isPackageId(id) ? byId.get(id) : undefined;
    if (!match || !pkg) return sendJson(response, 404, { error: `no API at ${path}` });
    const action = match[2];

    if (action === 'launch' && method === 'GET') {
      const launch = launches.get(pkg.id);
      return launch ? sendJson(response, 200, launch) : sendJson(response, 404, { error: `${pkg.standard} is not launched` });
    }
    if (action === 'launch' && method === 'POST') {
      const body = await readJson(request);
      if (!body.ok) return sendJson(response, body.status, { error: body.error });
      const choice = launchChoice(body.value);
      if (typeof choice === 'string') return sendJson(response, 400, { error: choice });
      const { attempt, launchMode } = choice;
      const launch = launchPackage(pkg, attempt, launchMode, `http://${host}`);
      launches.set(pkg.id, launch);
      return sendJson(response, 200, launch);
    }
    if (action === 'reset' && method === 'POST') {
      launches.delete(pkg.id);
      scormEpoch.set(pkg.id, new Date().toISOString());
      if (pkg.id === 'scorm12' || pkg.id === 'scorm2004') scorm.forget(SCORM_VERSIONS[pkg.id]);
      if (pkg.id === 'xapi' || pkg.id === 'cmi5') await records.reset(pkg.id);
      // The standalone course keeps its progress in the browser: the page clears it.
      return sendJson(response, 200, { reset: pkg.id });
    }
    if (action === 'activity' && method === 'GET' && (pkg.id === 'xapi' || pkg.id === 'cmi5')) {
      const launch = records.current(pkg.id);
      if (!launch) return sendJson(response, 404, { error: `${pkg.standard} is not launched` });
      return sendJson(response, 200, records.activity(pkg, launch));
    }
    if (action === 'scorm-data' && method === 'POST' && (pkg.id === 'scorm12' || pkg.id === 'scorm2004')) {
      const body = await readJson(request);
      if (!body.ok) return sendJson(response, body.status, { error: body.error });
      const data = body.value;
      if (!isFlatCmi(data)) return sendJson(response, 400, { error: 'expected an object of cmi.* elements to string values' });
      // A course closed just before Reset can report after it: that attempt is gone and stays gone.
      const launch = new URL(request.url ?? '', origin).searchParams.get('launch') ?? '';
      if (launch < (scormEpoch.get(pkg.id) ?? '')) return sendJson(response, 409, { error: 'that attempt was reset or replaced' });
      scorm.save(SCORM_VERSIONS[pkg.id], data);
      response.writeHead(204).end();
      return;
    }
    return sendJson(response, 405, { error: `${method} ${path} is not supported` });
  }

  function launchPackage(pkg: PackageInfo, attempt: Attempt, launchMode: LaunchMode, pageOrigin: string): LaunchView {
    const startedAt = new Date().toISOString();
    const coursePath = `/packages/${pkg.id}/${pkg.launchFile}`;
    switch (pkg.id) {
      case 'scorm12':
      case 'scorm2004':
        // A new attempt starts from nothing; the host page reads the store when it is requested.
        if (attempt === 'new') {
          scorm.forget(SCORM_VERSIONS[pkg.id]);
          scormEpoch.set(pkg.id, startedAt);
        }
        return { packageId: pkg.id, attempt, courseUrl: `/lms/${pkg.id}/host.html`, frame: 'scorm-host', startedAt };
      case 'xapi': {
        const launch = records.launchXapi(pkg, attempt);
        const { registration } = launch;
        return { packageId: pkg.id, attempt, courseUrl: `${coursePath}?${launch.launchQuery}`, frame: 'course', startedAt, registration };
      }
      case 'cmi5': {
        const launch = records.launchCmi5(pkg, attempt, launchMode, `${pageOrigin}/returned.html?pkg=cmi5`);
        const { registration, launchQuery } = launch;
        return {
          packageId: pkg.id,
          attempt,
          courseUrl: `${coursePath}?${launchQuery}`,
          frame: 'course',
          startedAt,
          launchMode,
          registration,
          ...(launch.sessionId ? { sessionId: launch.sessionId } : {}),
        };
      }
      case 'web':
        return { packageId: pkg.id, attempt, courseUrl: coursePath, frame: 'course', startedAt, storageKey: webStorageKey(pkg) };
    }
  }

  /** The strict scorm-again host with the course in its frame; strict always, seeded from the store. */
  function sendHostPage(response: ServerResponse, id: 'scorm12' | 'scorm2004'): void {
    const pkg = byId.get(id);
    if (!pkg) return notFound(response);
    const version = SCORM_VERSIONS[id];
    const html = hostPageHtml({
      version,
      courseUrl: `/packages/${id}/${pkg.launchFile}`,
      seed: scorm.get(version)?.data,
      hostScriptUrl: '/harness/host.js',
    });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html);
  }

  function packageView(pkg: PackageInfo): PackageView {
    const { dir: _dir, ...shown } = pkg;
    return {
      ...shown,
      launchModes: pkg.id === 'cmi5' ? LAUNCH_MODES : undefined,
      storageKey: pkg.id === 'web' ? webStorageKey(pkg) : undefined,
      saved: savedSummary(pkg),
    };
  }

  function savedSummary(pkg: PackageInfo): SavedSummary | null {
    if (pkg.id === 'scorm12' || pkg.id === 'scorm2004') {
      const saved = scorm.get(SCORM_VERSIONS[pkg.id]);
      if (!saved) return null;
      const d = saved.data;
      const status =
        pkg.id === 'scorm12'
          ? d['cmi.core.lesson_status']
          : [d['cmi.completion_status'], d['cmi.success_status']].filter((s) => s && s !== 'unknown').join(', ');
      const location = pkg.id === 'scorm12' ? d['cmi.core.lesson_location'] : d['cmi.location'];
      return { summary: `Saved attempt: ${status || 'no status'}${location ? `, at ${location}` : ''}`, at: saved.savedAt };
    }
    if (pkg.id === 'xapi' || pkg.id === 'cmi5') {
      const summary = records.savedSummary(pkg.id);
      return summary ? { summary } : null;
    }
    return null; // web: only the browser knows
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4173, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo; // a TCP listen() always yields AddressInfo
  origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    lrsUrl: records.url,
    dataDir,
    packages,
    close: () =>
      (closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((closed) => server.close(() => closed()));
        await records.close();
        scorm.flush();
      })()),
  };
}

const isPackageId = (id: string): id is PackageId => (PACKAGE_IDS as readonly string[]).includes(id);

/** The standalone course's localStorage key (src/tracking/local: `course:<lesson id>:progress`). */
const webStorageKey = (pkg: PackageInfo): string => `course:${pkg.courseId}:progress`;

function isLocalHost(host: string, port: string): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function serveUnder(
  request: IncomingMessage,
  response: ServerResponse,
  prefix: string,
  serve: (req: IncomingMessage, res: ServerResponse, next: () => void) => void,
): void {
  request.url = (request.url ?? '/').slice(prefix.length) || '/';
  serve(request, response, () => notFound(response));
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

/** A JSON request body: 413 past MAX_BODY_BYTES (not read further), 400 when it is not JSON; an empty body is undefined. */
async function readJson(request: IncomingMessage): Promise<JsonRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      return { ok: false, status: 413, error: `the request body is larger than ${MAX_BODY_BYTES} bytes` };
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the request body is not valid JSON' };
  }
}

/** A launch request: `{ attempt?: "new" | "resume", launchMode?: "Normal" | "Browse" | "Review" }`, or why not. */
function launchChoice(body: unknown): { attempt: Attempt; launchMode: LaunchMode } | string {
  if (body === undefined) return { attempt: 'resume', launchMode: 'Normal' };
  if (!isRecord(body)) return 'expected a JSON object { "attempt": "new" | "resume", "launchMode": … }';
  const attempt = body.attempt ?? 'resume';
  if (attempt !== 'new' && attempt !== 'resume') return `attempt must be "new" or "resume", not ${JSON.stringify(attempt)}`;
  const launchMode = LAUNCH_MODES.find((m) => m === (body.launchMode ?? 'Normal'));
  if (!launchMode) return `launchMode must be one of ${LAUNCH_MODES.join(', ')}, not ${JSON.stringify(body.launchMode)}`;
  return { attempt, launchMode };
}
