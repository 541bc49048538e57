/**
 * Run before the browser tests: finds Chromium, or on Debian as root installs
 * the `chromium` package, or stops with a message saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './lib/chromium.js';

function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
}

let found = findChromium();
if (!found && canInstallWithApt()) {
  console.log('No Chromium found: installing Debian\'s "chromium" package (running as root)…');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    // Reported below.
  }
  found = findChromium();
}
if (!found) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.log(`Browser tests use Chromium at ${found}`);
