/**
 * `npm start`: serves the built course on 127.0.0.1 (building it first if
 * dist/ is missing). No LMS is needed: the course runs standalone and keeps
 * progress in the browser. Options: --port N (default 4173).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from './lib/static-server.js';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port takes a port number, e.g. npm start -- --port 8080');
  process.exit(2);
}

const web = join(process.cwd(), 'dist', 'web');
if (!existsSync(join(web, 'index.html'))) {
  console.log('No build found: building the course first…');
  execFileSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
}

const server = await startStaticServer({ '/': web }, { port });
console.log(`The course is running at ${server.url}/  (Ctrl-C to stop)`);

const stop = async () => {
  await server.close();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
