#!/usr/bin/env node
// `tm-planner` (npm link, npx, npm run cli): runs the bundled command line, out/cli/main.js,
// building it first when it is missing or older than its sources (see scripts/build-cli.mjs).
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, buildCli, cliBundleStale } from '../scripts/build-cli.mjs';

if (cliBundleStale()) {
  try {
    await buildCli();
  } catch (e) {
    process.stderr.write(`tm-planner could not build its bundle (${CLI_BUNDLE}): ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
// The bundle's stack traces, with TM_DEBUG set, then point into the TypeScript sources.
if (process.env.TM_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(CLI_BUNDLE).href);
await main(process.argv.slice(2));
