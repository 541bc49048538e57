/**
 * A small static file server on 127.0.0.1 (sirv does the file serving), used by
 * `npm start` and by the browser tests. Several folders can be mounted under
 * URL prefixes, and extra headers (e.g. a Content-Security-Policy) added to
 * every response.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** URL prefix ("/" or "/packages") → folder. Longest prefix wins. */
export type Mounts = Readonly<Record<string, string>>;

export async function startStaticServer(
  mounts: Mounts,
  options: { port?: number; headers?: Record<string, string>; gzip?: boolean } = {},
): Promise<StaticServer> {
  const handlers = Object.entries(mounts)
    .map(([prefix, dir]) => ({
      prefix: prefix.replace(/\/$/, ''),
      serve: sirv(dir, { dev: true, etag: true, dotfiles: false, gzip: options.gzip }),
    }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const url = req.url ?? '/';
    const match = handlers.find((h) => h.prefix === '' || url === h.prefix || url.startsWith(`${h.prefix}/`));
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    if (!match) return notFound();
    req.url = url.slice(match.prefix.length) || '/';
    match.serve(req, res, notFound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
