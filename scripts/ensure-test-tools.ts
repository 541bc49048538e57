/**
 * Run before the tests: finds Chromium (the browser tests). On Debian as root
 * it installs the `chromium` package if it is missing, unless
 * TEST_TOOLS_NO_INSTALL=1; otherwise it stops with a message saying what to
 * install. Nothing else is needed: manifests are validated in Node (npm
 * libxml2-wasm).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './lib/chromium.js';

// TEST_TOOLS_NO_INSTALL=1: never install system packages, only check and say what is missing.
const noInstall = process.env.TEST_TOOLS_NO_INSTALL === '1';
const canApt = !noInstall && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!findChromium() && !process.env.CHROMIUM_PATH && canApt) {
  console.log('Installing the Debian package the browser tests need: chromium…');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // Reported below.
  }
}

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.log(`Tests use Chromium at ${chromium}.`);
