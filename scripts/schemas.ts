// Writes the JSON Schemas of the exchange files (resources/schemas/*.schema.json) from their
// zod schemas in shared/exchange, the only definition: `npm run schemas` after changing one.
// tests/shared/exchange-schemas.test.ts fails while the checked-in files differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { requestFileSchema, staffingSummarySchema } from '../shared/exchange/request-file';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each JSON Schema file's path (from the repository's root) and its text, as generated now. */
export function generatedSchemas(): { path: string; text: string }[] {
  return [
    { path: 'resources/schemas/request.schema.json', schema: requestFileSchema },
    { path: 'resources/schemas/staffing-summary.schema.json', schema: staffingSummarySchema },
  ].map(({ path, schema }) => ({ path, text: JSON.stringify(z.toJSONSchema(schema), null, 2) + '\n' }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { path, text } of generatedSchemas()) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    process.stdout.write(`Wrote ${path}\n`);
  }
}
