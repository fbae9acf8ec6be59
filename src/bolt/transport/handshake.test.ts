import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, toHex } from '../../util/index.js';
import { formatProtocolVersion, protocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { ServerHandshake, type HandshakeOptions, type HandshakeStep } from './handshake.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../versions/index.js';

const MAGIC = '60 60 b0 17';
const MANIFEST_PREAMBLE = `${MAGIC} 00 00 01 ff 00 08 08 05 00 02 04 04 00 00 00 03`;
/**
 * bolt-spec-digest §2.4: our versions 3.0, 4.0–4.4, 5.0–5.4, 5.6–5.8, 6.0–6.1 and no capabilities (the
 * digest's example ends in `00 00 00 06`, written before Quiver spoke 6.1; Neo4j 2026.x offers `00 01 01 06`).
 */
const MANIFEST_REPLY = '00 00 01 ff 05 00 00 00 03 00 04 04 04 00 04 04 05 00 02 08 05 00 01 01 06 00';
/** A chunked HELLO (bolt-spec-digest Appendix A, shortened body) that a client pipelines after its choice. */
const HELLO = '00 03 b1 01 a0 00 00';

function handshake(options: Partial<HandshakeOptions> = {}): ServerHandshake {
  return new ServerHandshake({ supportedVersions: SUPPORTED_PROTOCOL_VERSIONS, ...options });
}

/** Pushes `pieces` in order and returns every step, asserting that only the last one settles. */
function pushAll(target: ServerHandshake, pieces: readonly Uint8Array[]): HandshakeStep[] {
  const steps = pieces.map((piece) => target.push(piece));
  steps.slice(0, -1).forEach((step) => {
    assert.equal(step.status, 'PENDING');
  });
  return steps;
}

/**
 * Pushes `bytes` in two pieces split at `cut`, as a connection would until the handshake settles, and
 * returns the settling step with every byte after the handshake (its leftover plus any unpushed piece).
 */
function pushSplit(
  server: ServerHandshake,
  bytes: Uint8Array,
  cut: number,
): { step: HandshakeStep; after: string } {
  const first = server.push(bytes.subarray(0, cut));
  if (first.status === 'AGREED')
    return { step: first, after: toHex(Uint8Array.of(...first.leftover, ...bytes.subarray(cut))) };
  const step = server.push(bytes.subarray(cut));
  return { step, after: step.status === 'AGREED' ? toHex(step.leftover) : '' };
}

function agreedVersion(step: HandshakeStep): string {
  assert.equal(
    step.status,
    'AGREED',
    JSON.stringify(step, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)),
  );
  return formatProtocolVersion(step.version);
}

function replyHex(step: HandshakeStep): string | null {
  return step.reply === null ? null : toHex(step.reply);
}

/** Every 20-byte opening observed in driver-matrix (a), with the legacy answer we must give. */
const DRIVER_OPENINGS: readonly (readonly [driver: string, proposals: string, reply: string])[] = [
  ['JS 1.7.8 (encrypted:false)', '00000003 00000002 00000001 00000000', '00 00 00 03'],
  ['JS 4.0.3', '00000004 00000003 00000002 00000001', '00 00 00 04'],
  ['JS 4.1.2', '00000104 00000004 00000003 00000002', '00 00 01 04'],
  ['JS 4.2.3', '00000204 00000104 00000004 00000003', '00 00 02 04'],
  ['JS 4.3.5 (internals 4.3.5)', '00010304 00000104 00000004 00000003', '00 00 03 04'],
  ['JS 4.4.11', '00020404 00000104 00000004 00000003', '00 00 04 04'],
  ['JS 5.0.1 (internals 5.0.1)', '00000005 00020404 00000104 00000003', '00 00 00 05'],
  ['JS 5.8.1', '00020205 00020404 00000104 00000003', '00 00 02 05'],
  ['JS 5.13.0', '00040405 00020404 00000104 00000003', '00 00 04 05'],
  ['JS/Python/Java 5.22 (range includes 5.5)', '00050505 00020404 00000104 00000003', '00 00 04 05'],
  ['Python/Go 5.25', '00070705 00020404 00000104 00000003', '00 00 07 05'],
  ['Python/Go 4.4', '00020404 00000104 00000004 00000003', '00 00 04 04'],
  ['Go 1.8', '00000004 00000003 00000000 00000000', '00 00 00 04'],
];

for (const [driver, proposals, reply] of DRIVER_OPENINGS) {
  test(`the opening of ${driver} gets the legacy reply ${reply}`, () => {
    const step = handshake().push(fromHex(`${MAGIC} ${proposals}`));
    assert.equal(step.status, 'AGREED');
    assert.equal(replyHex(step), reply.toLowerCase());
    assert.equal(step.viaManifest, false);
    assert.equal(step.capabilities, 0n);
    assert.equal(step.leftover.length, 0);
  });
}

test('manifest drivers (JS 5.28, 6.x) get the manifest of the digest example as one buffer', () => {
  const step = handshake().push(fromHex(MANIFEST_PREAMBLE));
  assert.equal(step.status, 'PENDING');
  assert.equal(replyHex(step), MANIFEST_REPLY);
});

test('the client choice after the manifest settles the version and keeps the pipelined HELLO', () => {
  const server = handshake();
  server.push(fromHex(MANIFEST_PREAMBLE));
  const step = server.push(fromHex(`00 00 00 06 00 ${HELLO}`));
  assert.equal(agreedVersion(step), '6.0');
  assert.equal(step.status === 'AGREED' && step.viaManifest, true);
  assert.equal(step.reply, null);
  assert.equal(step.status === 'AGREED' && toHex(step.leftover), HELLO);
});

test('the client choice split at every byte boundary and coalesced with HELLO gives the same result', () => {
  const rest = fromHex(`00 00 08 05 80 01 ${HELLO}`);
  for (let cut = 0; cut <= rest.length; cut++) {
    const server = handshake();
    server.push(fromHex(MANIFEST_PREAMBLE));
    const { step, after } = pushSplit(server, rest, cut);
    assert.equal(agreedVersion(step), '5.8', `cut at ${cut}`);
    assert.equal(after, HELLO, `cut at ${cut}`);
  }
});

test('the whole handshake pushed byte by byte settles on the last byte of the choice', () => {
  const server = handshake();
  const bytes = fromHex(`${MANIFEST_PREAMBLE} 00 00 07 05 00`);
  const steps = pushAll(
    server,
    Array.from(bytes, (byte) => Uint8Array.of(byte)),
  );
  const replies = steps.filter((step) => step.reply !== null).map(replyHex);
  assert.deepEqual(replies, [MANIFEST_REPLY]);
  assert.equal(agreedVersion(steps.at(-1)!), '5.7');
});

test('a preamble and choice in one push carry the manifest reply and the agreement together', () => {
  const step = handshake().push(fromHex(`${MANIFEST_PREAMBLE} 00 00 04 05 00 ${HELLO}`));
  assert.equal(agreedVersion(step), '5.4');
  assert.equal(replyHex(step), MANIFEST_REPLY);
  assert.equal(step.status === 'AGREED' && toHex(step.leftover), HELLO);
});

test('the legacy preamble split at every byte boundary gives the same reply', () => {
  const bytes = fromHex(`${MAGIC} 00020404 00000104 00000004 00000003 ${HELLO}`);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const { step, after } = pushSplit(handshake(), bytes, cut);
    assert.equal(agreedVersion(step), '4.4', `cut at ${cut}`);
    assert.equal(replyHex(step), '00 00 04 04');
    assert.equal(after, HELLO, `cut at ${cut}`);
  }
});

test('proposals that only allow 5.5 never negotiate it', () => {
  for (const proposals of ['00000505 00000000 00000000 00000000', '00000505 00000505 00000000 00000000']) {
    const step = handshake().push(fromHex(`${MAGIC} ${proposals}`));
    assert.equal(step.status === 'FAILED' && step.reason, 'NO_COMMON_VERSION');
    assert.equal(replyHex(step), '00 00 00 00');
  }
  const range = handshake().push(fromHex(`${MAGIC} 00010605 00000000 00000000 00000000`));
  assert.equal(agreedVersion(range), '5.6');
  const below = handshake().push(fromHex(`${MAGIC} 00010505 00000000 00000000 00000000`));
  assert.equal(agreedVersion(below), '5.4');
});

test('the first matching proposal wins even when a later one is newer', () => {
  const step = handshake().push(fromHex(`${MAGIC} 00000003 00080805 00000000 00000000`));
  assert.equal(agreedVersion(step), '3.0');
});

test('empty slots, version 0 and unknown FF requests are skipped', () => {
  const step = handshake().push(fromHex(`${MAGIC} 00000000 000002ff 00000100 00000104`));
  assert.equal(agreedVersion(step), '4.1');
});

test('a range picks the highest supported minor inside it', () => {
  assert.equal(
    agreedVersion(handshake().push(fromHex(`${MAGIC} 00ff0905 00000000 00000000 00000000`))),
    '5.8',
  );
  assert.equal(
    agreedVersion(handshake().push(fromHex(`${MAGIC} 00020204 00000000 00000000 00000000`))),
    '4.2',
  );
  assert.equal(
    agreedVersion(handshake().push(fromHex(`${MAGIC} 00000906 00010106 00000000 00000000`))),
    '6.1',
  );
  assert.equal(
    agreedVersion(handshake().push(fromHex(`${MAGIC} 00000906 00000006 00000000 00000000`))),
    '6.0',
  );
});

test('without the manifest the manifest drivers fall back to their legacy slots', () => {
  const step = handshake({ offerManifest: false }).push(fromHex(MANIFEST_PREAMBLE));
  assert.equal(agreedVersion(step), '5.8');
  assert.equal(replyHex(step), '00 00 08 05');
});

test('a server with a smaller version list answers from that list', () => {
  const supported: ProtocolVersion[] = [protocolVersion(3, 0), protocolVersion(4, 4)];
  const server = handshake({ supportedVersions: supported });
  assert.equal(agreedVersion(server.push(fromHex(`${MAGIC} 00080805 00020404 00000104 00000003`))), '4.4');
  const manifest = handshake({ supportedVersions: supported }).push(fromHex(MANIFEST_PREAMBLE));
  assert.equal(replyHex(manifest), '00 00 01 ff 02 00 00 00 03 00 00 04 04 00');
});

test('a connection that does not start with the magic is refused at the first wrong byte, without reply', () => {
  const http = handshake().push(fromHex('47 45 54 20 2f'));
  assert.equal(http.status, 'FAILED');
  assert.equal(http.reason, 'BAD_MAGIC');
  assert.equal(http.reply, null);
  const server = handshake();
  assert.equal(server.push(fromHex('60 60 b0')).status, 'PENDING');
  const late = server.push(fromHex('18 00 00 00 03'));
  assert.equal(late.status === 'FAILED' && late.reason, 'BAD_MAGIC');
});

test('no matching proposal is answered with 00 00 00 00 and a close', () => {
  const step = handshake().push(fromHex(`${MAGIC} 00000007 00000000 00000000 00000000`));
  assert.equal(step.status === 'FAILED' && step.reason, 'NO_COMMON_VERSION');
  assert.equal(replyHex(step), '00 00 00 00');
});

test('manifest choices we did not offer, with a range byte or with nothing found close the connection', () => {
  const cases: readonly (readonly [choice: string, reason: string])[] = [
    ['00 00 05 05 00', 'INVALID_CHOICE'], // 5.5 was never offered
    ['00 00 00 01 00', 'INVALID_CHOICE'], // Bolt 1 is not in the manifest
    ['00 00 02 06 00', 'INVALID_CHOICE'], // 6.2 does not exist
    ['00 01 00 06 00', 'INVALID_CHOICE'], // a range in the choice
    ['01 00 00 06 00', 'INVALID_CHOICE'], // a non-zero reserved byte
    ['00 00 00 00 00', 'CLIENT_FOUND_NO_VERSION'],
    ['00 00 00 06 80 80 80 80 80 80 80 80 80 80 00', 'INVALID_CAPABILITIES'],
    ['00 00 00 06 80 80 80 80 80 80 80 80 80 02', 'INVALID_CAPABILITIES'],
  ];
  for (const [choice, reason] of cases) {
    const server = handshake();
    server.push(fromHex(MANIFEST_PREAMBLE));
    const step = server.push(fromHex(choice));
    assert.equal(step.status === 'FAILED' && step.reason, reason, choice);
    assert.equal(step.reply, null);
    assert.equal(server.isSettled, true);
  }
});

test('an overlong capability varint is refused after ten bytes, before more arrive', () => {
  const server = handshake();
  server.push(fromHex(MANIFEST_PREAMBLE));
  assert.equal(server.push(fromHex('00 00 00 06 80 80 80 80 80 80 80 80 80')).status, 'PENDING');
  const step = server.push(fromHex('80'));
  assert.equal(step.status === 'FAILED' && step.reason, 'INVALID_CAPABILITIES');
});

test('capabilities the client chose are limited to those offered', () => {
  const plain = handshake();
  plain.push(fromHex(MANIFEST_PREAMBLE));
  const none = plain.push(fromHex('00 00 00 06 03'));
  assert.equal(none.status === 'AGREED' && none.capabilities, 0n);
  const offering = handshake({ offeredCapabilities: 1n });
  assert.equal(toHex(offering.push(fromHex(MANIFEST_PREAMBLE)).reply!).slice(-2), '01');
  const some = offering.push(fromHex('00 00 00 06 03'));
  assert.equal(some.status === 'AGREED' && some.capabilities, 1n);
});

test('pushing after the handshake settled is a programming error', () => {
  const server = handshake();
  server.push(fromHex(`${MAGIC} 00000003 00000000 00000000 00000000`));
  assert.throws(() => server.push(new Uint8Array(1)), { name: 'InternalError' });
});

test('random proposals only ever agree on a supported, proposed version that is never 5.5', () => {
  const proposal = fc.oneof(
    fc.constant([0, 0, 0, 0]),
    fc.constant([0, 0, 1, 0xff]),
    fc.tuple(
      fc.constant(0),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 1, max: 7 }),
    ),
  );
  fc.assert(
    fc.property(fc.array(proposal, { minLength: 4, maxLength: 4 }), (slots) => {
      const bytes = fromHex(
        `${MAGIC} ${slots
          .flat()
          .map((b) => b.toString(16).padStart(2, '0'))
          .join(' ')}`,
      );
      const step = handshake({ offerManifest: false }).push(bytes);
      if (step.status !== 'AGREED') {
        assert.equal(step.status === 'FAILED' && step.reason, 'NO_COMMON_VERSION');
        return;
      }
      const { major, minor } = step.version;
      assert.notEqual(`${major}.${minor}`, '5.5');
      assert.ok(SUPPORTED_PROTOCOL_VERSIONS.some((v) => v.major === major && v.minor === minor));
      const slot = slots.find(
        ([, range = 0, top = 0, slotMajor]) => slotMajor === major && minor <= top && minor >= top - range,
      );
      assert.ok(slot !== undefined);
    }),
  );
});
