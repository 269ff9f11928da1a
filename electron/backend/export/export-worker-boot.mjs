// Starts the export worker from TypeScript sources (web host under tsx, tests, bench):
// a worker thread gets no TypeScript loader of its own, so it registers tsx first.
// Bundled builds (electron-vite, the CLI bundle) start export-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./export-worker.ts', import.meta.url).href);
