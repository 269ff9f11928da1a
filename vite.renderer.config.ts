// Builds the renderer on its own, for the web host (which serves out/renderer) and for e2e
// tests; the desktop build goes through electron.vite.config.ts.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  // Relative asset URLs: the same files load from app://planner/ and from http://127.0.0.1:N/.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
  },
});
