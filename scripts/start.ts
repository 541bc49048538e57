/**
 * `npm start`: the local preview LMS. Builds the packages if dist/ lacks them,
 * unpacks each afresh into .preview/packages/, and serves on 127.0.0.1 a
 * launcher for every package (SCORM 1.2 and 2004 in a strict scorm-again host,
 * xAPI and cmi5 against a local strict LRS, the standalone web build) with a
 * live panel of what the LMS sees. The learner's records stay in .preview/.
 *
 *   npm start                  http://127.0.0.1:4173/
 *   npm start -- --port 8080   (or PORT=8080 npm start)
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from './preview/index.js';

const { values } = parseArgs({ options: { port: { type: 'string' } }, allowPositionals: false });
const portText = values.port ?? process.env.PORT ?? '4173';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) {
  console.error(`"${portText}" is not a port number; try: npm start -- --port 8080`);
  process.exit(2);
}

const preview = await startPreview({ port, root: process.cwd() }).catch((error: unknown) => {
  const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
  console.error(busy ? `Port ${port} is in use; try: npm start -- --port ${port + 1}` : error);
  process.exit(1);
});

console.log(`\nPreview LMS: ${preview.url}/   (Ctrl-C to stop)`);
for (const pkg of preview.packages) console.log(`  ${pkg.standard.padEnd(15)} ${pkg.zipFile ?? 'dist/web/'}`);
console.log(`Learner records are kept in ${relative(process.cwd(), preview.dataDir) || '.'}/ (LRS at ${preview.lrsUrl})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await preview.close();
  console.log('Stopped; records saved.');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
