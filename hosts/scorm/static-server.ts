/**
 * A tiny static file server for browser tests: serves directories under URL
 * prefixes on 127.0.0.1 at a free port. No caching, no directory listings,
 * nothing outside the mounted directories.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** e.g. "http://127.0.0.1:41234" */
  readonly url: string;
  close(): Promise<void>;
}

/** URL prefix → directory, e.g. { "/harness": "hosts/.dist", "/": "dist/scorm12" }. */
export type Mounts = Readonly<Record<string, string>>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startStaticServer(mounts: Mounts): Promise<StaticServer> {
  // Longest prefix first, so "/harness" wins over "/".
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.replace(/\/+$/, ''), resolve(dir)] as const)
    .sort(([a], [b]) => b.length - a.length);

  const server = createServer((request, response) => {
    void (async () => {
      const file = await locate(table, new URL(request.url ?? '/', 'http://localhost').pathname);
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response
          .writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' })
          .end(file ? 'Method not allowed' : 'Not found');
        return;
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo; // listen() on a TCP port always yields AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : closed()));
      }),
  };
}

/** The file a URL path names, or undefined; directories serve their index.html. */
async function locate(table: ReadonlyArray<readonly [string, string]>, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  for (const [prefix, dir] of table) {
    if (decoded !== prefix && !decoded.startsWith(`${prefix}/`)) continue;
    const candidate = resolve(join(dir, decoded.slice(prefix.length)));
    // Refuse anything that resolves outside the mounted directory ("/../", encoded dots).
    if (candidate !== dir && !candidate.startsWith(dir + sep)) return undefined;
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
    if (info?.isDirectory()) {
      const index = join(candidate, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
    return undefined;
  }
  return undefined;
}
