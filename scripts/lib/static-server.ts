/**
 * A small static file server on 127.0.0.1 (sirv does the file serving), used by
 * `npm start` and by the browser tests. Extra headers (e.g. a
 * Content-Security-Policy) can be added to every response.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startStaticServer(
  root: string,
  options: { port?: number; headers?: Record<string, string> } = {},
): Promise<StaticServer> {
  const serve = sirv(root, { dev: true, etag: true, dotfiles: false });
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
