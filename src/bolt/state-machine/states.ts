/**
 * Bolt server states, named as in the spec (bolt-spec-digest §8.1). CONNECTED is the pre-5.1 name of
 * NEGOTIATION; each version descriptor says which one it starts in.
 */
export type BoltState =
  | 'CONNECTED'
  | 'NEGOTIATION'
  | 'AUTHENTICATION'
  | 'READY'
  | 'STREAMING'
  | 'TX_READY'
  | 'TX_STREAMING'
  | 'FAILED'
  | 'INTERRUPTED'
  | 'DEFUNCT';

/** Every state, in spec order (for table walks). */
export const BOLT_STATES: readonly BoltState[] = [
  'CONNECTED',
  'NEGOTIATION',
  'AUTHENTICATION',
  'READY',
  'STREAMING',
  'TX_READY',
  'TX_STREAMING',
  'FAILED',
  'INTERRUPTED',
  'DEFUNCT',
];

/** States in which the client has authenticated (RESET's interrupt only applies there). */
export function isAuthenticatedState(state: BoltState): boolean {
  return (
    state !== 'CONNECTED' && state !== 'NEGOTIATION' && state !== 'AUTHENTICATION' && state !== 'DEFUNCT'
  );
}
