import { loadBoltTarget } from './bolt-target.js';
import { loadEmbeddedTarget } from './embedded-target.js';
import type { TckTarget } from './tck-target.js';

/**
 * Chooses the target from `QUIVER_TCK_TARGET`: unset or `embedded` runs in-process; `bolt` runs through the
 * official driver against a server started in this process. An external server (`bolt://host:port`) is
 * not offered: the TCK detail of errors and `there exists a procedure` both need the server in-process.
 */
export async function selectTarget(
  setting: string | undefined,
): Promise<TckTarget | { readonly unavailable: string }> {
  if (setting === undefined || setting === '' || setting === 'embedded') return loadEmbeddedTarget();
  if (setting === 'bolt') return loadBoltTarget();
  return { unavailable: `QUIVER_TCK_TARGET=${setting}: expected 'embedded' or 'bolt'` };
}
