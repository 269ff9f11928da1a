// `npm run web`: builds the renderer if needed, then starts the local web host
// (electron/web/main.ts) with the arguments given.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureRendererBuilt, root } from './build-renderer.mjs';

try {
  ensureRendererBuilt();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const child = spawn(process.execPath, [tsx, join(root, 'electron/web/main.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
