import { execSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Browser tests use Debian's Chromium; install it when missing (CI machines start without it). */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  console.log('installing Debian chromium for the browser tests…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk`, { stdio: 'inherit' });
}
