/**
 * `npm run preview:web`: serves the standalone lesson (dist/web) on 127.0.0.1,
 * as a web server would, building it first if it is missing. (dist/web also
 * opens straight from disk; this is for checking it as it will be hosted.)
 *
 *   npm run preview:web                  http://127.0.0.1:4174/
 *   npm run preview:web -- --port 8080   (or PORT=8080 npm run preview:web)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/static-server.js';

const { values } = parseArgs({ options: { port: { type: 'string' } }, allowPositionals: false });
const portText = values.port ?? process.env.PORT ?? '4174';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) {
  console.error(`"${portText}" is not a port number; try: npm run preview:web -- --port 8080`);
  process.exit(2);
}

const web = join(process.cwd(), 'dist', 'web');
if (!existsSync(join(web, 'index.html')))
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'web'], { stdio: 'inherit' });

const server = await startStaticServer({ '/': web }, { port }).catch((error: unknown) => {
  const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
  console.error(busy ? `Port ${port} is in use; try: npm run preview:web -- --port ${port + 1}` : error);
  process.exit(1);
});
console.log(`The standalone lesson (dist/web): ${server.url}/   (Ctrl-C to stop)`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
