// @ts-expect-error: a plain .mjs script shared with `npm run web`, no type declarations.
import { ensureRendererBuilt } from '../../scripts/build-renderer.mjs';

/** The browser suites drive the built renderer: build it once before any of them start. */
export default function setup(): void {
  (ensureRendererBuilt as () => void)();
}
