/**
 * The test LRS as a process of its own (the report's bench reads it as it would a real LRS, over
 * HTTP from another process): `tsx hosts/lrs/serve.ts`, credentials from LRS_KEY and LRS_SECRET.
 * Prints one JSON line, {"endpoint": "..."}, once it listens; stops on SIGTERM or when stdin closes.
 */
import { startLrs } from './index.js';

const key = process.env.LRS_KEY;
const secret = process.env.LRS_SECRET;
if (!key || !secret) {
  console.error('Set LRS_KEY and LRS_SECRET (the Basic credentials the LRS accepts).');
  process.exit(2);
}
const lrs = await startLrs({ basicAuth: { key, secret }, ...(process.env.LRS_PORT ? { port: Number(process.env.LRS_PORT) } : {}) });
process.stdout.write(`${JSON.stringify({ endpoint: lrs.endpoint })}\n`);
const stop = () => void lrs.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
