import { startFullLayer } from '../utils/content/full-layer';
import { FULL_LAYER_KEY, type StartFullLayer } from '../utils/content/layer-contract';

/**
 * The full page layer, loaded by the every-page content script with a dynamic
 * `import()` only where it is needed (see docs/ARCHITECTURE.md). It runs in the
 * content script's isolated world and hands its start function over there.
 */
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, StartFullLayer>)[FULL_LAYER_KEY] = startFullLayer;
});
