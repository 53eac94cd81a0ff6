import { execSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Browser tests use Debian's Chromium; install it when missing (CI machines start without it). */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export function ensureChromium(): void {
  // without a CJK font Chinese pages render as boxes in screenshots
  if (fs.existsSync(CHROMIUM) && fs.existsSync(CJK_FONT)) return;
  console.log('installing Debian chromium for the browser tests…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk`, { stdio: 'inherit' });
}
