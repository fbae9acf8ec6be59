/**
 * bolt/state-machine: the Bolt server state machine of one connection (bolt-spec-digest §8).
 * Input: request message structs in arrival order (RESET raises its interrupt on arrival). Output: response
 * messages written to a `BoltOutput`, calls to the `BoltBackend` port, state changes. States and the
 * transition table are data (`states.ts`, `transitions.ts`); each request has a small handler; the generic
 * behaviour (ordering, FAILED/IGNORED, RESET, GOODBYE, violations) is written once in `machine.ts`.
 * Must not know: sockets, chunking, the handshake, how queries run.
 */
export { BoltStateMachine, type BoltMachineOptions, type TransitionTrigger } from './machine.js';
export type { BoltOutput } from './output.js';
export { BOLT_STATES, type BoltState } from './states.js';
export { TRANSITIONS, transitionsFor, type Outcome, type TransitionRow } from './transitions.js';
