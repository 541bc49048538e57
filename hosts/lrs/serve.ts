/**
 * The test LRS as a process of its own (the report's bench reads it as it would a real LRS, over
 * HTTP from another process): `tsx hosts/lrs/serve.ts [--cohort <learners> [--seed <n>]]`, credentials
 * from LRS_KEY and LRS_SECRET. With --cohort it first holds a generated cohort (hosts/learner/cohort.ts,
 * loaded in bulk). Prints one JSON line, {"endpoint": "...", "statements": n}, once it listens; stops
 * on SIGTERM or when stdin closes.
 */
import { parseArgs } from 'node:util';
import { generateCohort } from '../learner/cohort.js';
import { loadCourse } from '../../src/content/load-course.js';
import { startLrs } from './index.js';

const key = process.env.LRS_KEY;
const secret = process.env.LRS_SECRET;
if (!key || !secret) {
  console.error('Set LRS_KEY and LRS_SECRET (the Basic credentials the LRS accepts).');
  process.exit(2);
}
const { values } = parseArgs({ options: { cohort: { type: 'string' }, seed: { type: 'string', default: '56' } } });
const lrs = await startLrs({ basicAuth: { key, secret }, ...(process.env.LRS_PORT ? { port: Number(process.env.LRS_PORT) } : {}) });
let statements = 0;
if (values.cohort) {
  const lesson = await loadCourse('course');
  for await (const learner of generateCohort({ lesson, learners: Number(values.cohort), seed: Number(values.seed), concurrency: 64 })) {
    lrs.load(learner.statements);
    statements += learner.statements.length;
  }
}
process.stdout.write(`${JSON.stringify({ endpoint: lrs.endpoint, statements })}\n`);
const stop = () => void lrs.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
