import { chromium } from '@playwright/test';
import { ensureHostBuilt } from './hosts/scorm/build-host.js';
import { HARNESS_DIST } from './hosts/scorm/harness-paths.js';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.js';
import { startStaticServer } from './scripts/lib/static-server.js';
import { scormSaveFigures } from './scripts/bench/scorm-saves.js';
await ensureHostBuilt();
const dir = process.argv[2] ?? 'tests/.packages';
const server = await startStaticServer({ '/': dir, '/harness': HARNESS_DIST });
const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
try {
  console.log(JSON.stringify(await scormSaveFigures(browser, server.url), null, 1));
} finally {
  await browser.close();
  await server.close();
}
