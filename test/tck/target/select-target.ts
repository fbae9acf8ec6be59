import { loadEmbeddedTarget } from './embedded-target.js';
import type { TckTarget } from './tck-target.js';

/**
 * Chooses the target from `QUIVER_TCK_TARGET`: unset or `embedded` runs in-process; `bolt://host:port` is
 * reserved for the Bolt target of issue #6 and reported as unavailable until it exists.
 */
export async function selectTarget(
  setting: string | undefined,
): Promise<TckTarget | { readonly unavailable: string }> {
  if (setting === undefined || setting === '' || setting === 'embedded') return loadEmbeddedTarget();
  if (setting.startsWith('bolt://')) {
    return { unavailable: `QUIVER_TCK_TARGET=${setting}: the Bolt target is not implemented yet (issue #6)` };
  }
  return { unavailable: `QUIVER_TCK_TARGET=${setting}: expected 'embedded' or a bolt:// URL` };
}
