/**
 * Run before the tests: finds Chromium (browser tests) and xmllint (manifest
 * validation against the official XSDs). On Debian as root it installs what
 * is missing (`chromium`, `libxml2-utils`) unless TEST_TOOLS_NO_INSTALL=1;
 * otherwise it stops with a message saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './lib/chromium.js';

const hasXmllint = () => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const missing: string[] = [];
if (!findChromium() && !process.env.CHROMIUM_PATH) missing.push('chromium');
if (!hasXmllint()) missing.push('libxml2-utils');

// TEST_TOOLS_NO_INSTALL=1: never install system packages, only check and say what is missing.
const noInstall = process.env.TEST_TOOLS_NO_INSTALL === '1';
const canApt = !noInstall && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (missing.length > 0 && canApt) {
  console.log(`Installing Debian packages the tests need: ${missing.join(', ')}…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
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
if (!hasXmllint()) {
  console.error('xmllint not found: the manifest tests need it. Install it (Debian/Ubuntu: `apt-get install libxml2-utils`).');
  process.exit(1);
}
console.log(`Tests use Chromium at ${chromium} and xmllint.`);
