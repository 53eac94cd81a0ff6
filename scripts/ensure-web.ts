import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'packages', 'web', 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it has never been built or its sources changed since. */
export function ensureWebBuilt(options: { force?: boolean } = {}): void {
  const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
  const sources = [path.join(root, 'packages', 'web'), ...fs.readdirSync(path.join(root, 'modules')).map((m) => path.join(root, 'modules', m, 'web'))];
  const newest = Math.max(...sources.map(newestMtime));
  if (!options.force && built > newest) return;
  console.log('building the web app…');
  execSync('npx vite build --logLevel warn', { cwd: path.join(root, 'packages', 'web'), stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWebBuilt();
