import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is a native module: it must be loaded from disk, never bundled.
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'utility-entry': resolve(__dirname, 'electron/backend/utility-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
