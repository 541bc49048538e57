/** Where the harness's files live, for the bundler, the static server and tests. */
import { fileURLToPath } from 'node:url';

/** Build output of build-host.ts (host.js); ignored by git. */
export const HARNESS_DIST = fileURLToPath(new URL('../.dist/', import.meta.url));

/** Static test pages such as fake-sco.html. */
export const HARNESS_FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
