/**
 * Drives a BoltStateMachine without sockets: requests go in as message structs (tag + fields, exactly as
 * the connection will hand them over), responses come out of a RecordingOutput. Timings are frozen at 0.
 */
import { getBoltVersion, type BoltVersionDescriptor } from '../../src/bolt/versions/index.js';
import {
  BoltStateMachine,
  type BoltMachineOptions,
  type TransitionTrigger,
} from '../../src/bolt/state-machine/machine.js';
import type { BoltState } from '../../src/bolt/state-machine/states.js';
import { isProtocolAtLeast, type ProtocolVersion } from '../../src/bolt/protocol-version.js';
import type { PackerOptions } from '../../src/packstream/index.js';
import { RecordingOutput, type RecordedResponse } from './recording-output.js';
import { TestBackend, type TestBackendOptions } from './test-backend.js';

/** A request struct as it comes off the wire. */
export interface WireRequest {
  readonly tag: number;
  readonly fields: readonly unknown[];
}

function request(tag: number, ...fields: unknown[]): WireRequest {
  return { tag, fields };
}

export const BASIC_AUTH = { scheme: 'basic', principal: 'neo4j', credentials: 'password' };
export const USER_AGENT = 'neo4j-test/1.0';

/** Builders for every request struct, fields as the drivers send them. */
export const wire = {
  init: (auth: object = BASIC_AUTH) => request(0x01, USER_AGENT, auth),
  hello: (extra: object = {}) => request(0x01, { user_agent: USER_AGENT, ...extra }),
  logon: (auth: object = BASIC_AUTH) => request(0x6a, auth),
  logoff: () => request(0x6b),
  goodbye: () => request(0x02),
  ackFailure: () => request(0x0e),
  reset: () => request(0x0f),
  runV1: (query: string, parameters: object = {}) => request(0x10, query, parameters),
  run: (query: string, parameters: object = {}, extra: object = {}) =>
    request(0x10, query, parameters, extra),
  begin: (extra: object = {}) => request(0x11, extra),
  commit: () => request(0x12),
  rollback: () => request(0x13),
  pullAll: () => request(0x3f),
  discardAll: () => request(0x2f),
  pull: (n = -1n, qid?: bigint) => request(0x3f, qid === undefined ? { n } : { n, qid }),
  discard: (n = -1n, qid?: bigint) => request(0x2f, qid === undefined ? { n } : { n, qid }),
  route: (routing: unknown = {}, bookmarks: unknown = [], extra: unknown = {}) =>
    request(0x66, routing, bookmarks, extra),
  telemetry: (api: unknown = 0n) => request(0x54, api),
};

export function parseVersion(text: string): ProtocolVersion {
  const [major = '0', minor = '0'] = text.split('.');
  return { major: Number(major), minor: Number(minor) };
}

export interface HarnessOptions extends Omit<Partial<BoltMachineOptions>, 'version' | 'backend' | 'output'> {
  readonly backend?: TestBackendOptions;
  /** A TestBackend subclass instance instead of the plain one. */
  readonly createBackend?: (options?: TestBackendOptions) => TestBackend;
  /** Options of the recording output's packer (a `dehydrate` hook for value tests). */
  readonly packer?: PackerOptions;
  /**
   * Read-ahead as a connection does it: the output supports it and every {@link Harness.send} ends with
   * `machine.readAhead()` (default false: the output cannot read ahead).
   */
  readonly readAhead?: boolean;
}

export interface Transition {
  readonly from: BoltState;
  readonly trigger: TransitionTrigger;
  readonly to: BoltState;
}

export class Harness {
  readonly descriptor: BoltVersionDescriptor;
  readonly machine: BoltStateMachine;
  readonly output: RecordingOutput;
  readonly backend: TestBackend;
  readonly transitions: Transition[] = [];
  readonly unexpectedErrors: unknown[] = [];
  readonly helloAgreements: { readonly utcPatch: boolean }[] = [];
  private readonly readsAhead: boolean;

  constructor(version: string | ProtocolVersion, options: HarnessOptions = {}) {
    this.descriptor = getBoltVersion(typeof version === 'string' ? parseVersion(version) : version);
    const { backend, createBackend, packer, ...machineOptions } = options;
    this.readsAhead = options.readAhead === true;
    this.output = new RecordingOutput(packer, this.readsAhead);
    this.backend = createBackend?.(backend) ?? new TestBackend(backend);
    this.machine = new BoltStateMachine({
      connectionId: 'bolt-1',
      now: () => 0,
      ...machineOptions,
      version: this.descriptor,
      backend: this.backend,
      output: this.output,
      onUnexpectedError: (error) => {
        this.unexpectedErrors.push(error);
        machineOptions.onUnexpectedError?.(error);
      },
      onHelloAccepted: (agreement) => {
        this.helloAgreements.push(agreement);
        machineOptions.onHelloAccepted?.(agreement);
      },
      onTransition: (from, trigger, to) => {
        this.transitions.push({ from, trigger, to });
        machineOptions.onTransition?.(from, trigger, to);
      },
    });
  }

  get version(): ProtocolVersion {
    return this.descriptor.version;
  }

  get state(): BoltState {
    return this.machine.state;
  }

  /** Queues the requests (as one socket read would), waits until they are processed, returns the responses. */
  async send(...requests: WireRequest[]): Promise<RecordedResponse[]> {
    const before = this.output.responses.length;
    for (const { tag, fields } of requests) this.machine.receive(tag, fields);
    await this.machine.whenIdle();
    if (this.readsAhead) {
      this.machine.readAhead();
      await this.machine.whenIdle();
    }
    return this.output.responses.slice(before);
  }

  /** Like {@link send}, returning only the response kinds. */
  async kinds(...requests: WireRequest[]): Promise<string[]> {
    return (await this.send(...requests)).map((response) => response.kind);
  }

  isAtLeast(major: number, minor: number): boolean {
    return isProtocolAtLeast(this.version, major, minor);
  }

  /** The requests that authenticate on this version: INIT, HELLO with credentials, or HELLO + LOGON. */
  loginRequests(helloExtra: object = {}, auth: object = BASIC_AUTH): WireRequest[] {
    if (!this.isAtLeast(3, 0)) return [wire.init(auth)];
    if (!this.isAtLeast(5, 1)) return [wire.hello({ ...auth, ...helloExtra })];
    return [wire.hello(helloExtra), wire.logon(auth)];
  }

  /** Authenticates; the machine is READY afterwards. */
  async login(helloExtra: object = {}): Promise<RecordedResponse[]> {
    return this.send(...this.loginRequests(helloExtra));
  }

  /** RUN in this version's shape (no extra on Bolt 1/2). */
  run(query: string, parameters: object = {}, extra: object = {}): WireRequest {
    return this.isAtLeast(3, 0) ? wire.run(query, parameters, extra) : wire.runV1(query, parameters);
  }

  /** "Everything": PULL_ALL up to Bolt 3, PULL {n: -1} from 4.0. */
  pullAll(qid?: bigint): WireRequest {
    return this.isAtLeast(4, 0) ? wire.pull(-1n, qid) : wire.pullAll();
  }

  /** DISCARD_ALL up to Bolt 3, DISCARD {n: -1} from 4.0. */
  discardAll(qid?: bigint): WireRequest {
    return this.isAtLeast(4, 0) ? wire.discard(-1n, qid) : wire.discardAll();
  }
}
