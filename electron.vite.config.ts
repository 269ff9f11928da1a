import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is a native module: it must be loaded from disk, never bundled.
      // playwright-core prints PDFs for the web host and the CLI only (the desktop app prints
      // with printToPDF in main): the backend loads it lazily, and it stays out of the app.
      externalizeDeps: { include: ['better-sqlite3', 'playwright-core'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'utility-entry': resolve(__dirname, 'electron/backend/utility-entry.ts'),
          // Export jobs run in worker threads of the utility process (export-jobs.ts finds it beside the entry).
          'export-worker': resolve(__dirname, 'electron/backend/export/export-worker.ts'),
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
