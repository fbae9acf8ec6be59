import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * TELEMETRY (Bolt 5.4+): accepted and answered `SUCCESS {}` even when the hint was off (the spec says so).
 * READY → READY.
 */
export function handleTelemetry(context: HandlerContext): BoltState {
  context.respond((packer) => {
    writeSuccess(packer, {});
  });
  return 'READY';
}
