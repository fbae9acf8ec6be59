// Byte-exact vectors from bolt-spec-digest §4.3 and Appendix A, checked in both directions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHex, toHex } from '../util/index.js';
import { Structure, decode, encode } from './index.js';

interface Vector {
  readonly name: string;
  readonly hex: string;
  readonly value: unknown;
}

/** Appendix A frames a message as `<2-byte chunk size> body 00 00`; this strips the framing and checks it. */
function body(frame: string): string {
  const bytes = fromHex(frame);
  const size = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
  assert.equal(size, bytes.length - 4, `chunk size of ${frame}`);
  assert.deepEqual([...bytes.subarray(bytes.length - 2)], [0, 0]);
  return toHex(bytes.subarray(2, bytes.length - 2));
}

const integerVectors: Vector[] = [
  ['0', '00'],
  ['1', '01'],
  ['-1', 'FF'],
  ['-16', 'F0'],
  ['-17', 'C8 EF'],
  ['127', '7F'],
  ['128', 'C9 00 80'],
  ['-128', 'C8 80'],
  ['-129', 'C9 FF 7F'],
  ['32767', 'C9 7F FF'],
  ['32768', 'CA 00 00 80 00'],
  ['-32768', 'C9 80 00'],
  ['-32769', 'CA FF FF 7F FF'],
  ['2147483647', 'CA 7F FF FF FF'],
  ['2147483648', 'CB 00 00 00 00 80 00 00 00'],
  ['-2147483648', 'CA 80 00 00 00'],
  ['-2147483649', 'CB FF FF FF FF 7F FF FF FF'],
  ['9223372036854775807', 'CB 7F FF FF FF FF FF FF FF'],
  ['-9223372036854775808', 'CB 80 00 00 00 00 00 00 00'],
].map(([text, hex]) => ({ name: `integer ${text}`, hex: hex!, value: BigInt(text!) }));

const scalarVectors: Vector[] = [
  { name: 'float 1.23', hex: 'C1 3F F3 AE 14 7A E1 47 AE', value: 1.23 },
  { name: 'float 1.0 stays a float', hex: 'C1 3F F0 00 00 00 00 00 00', value: 1 },
  { name: 'float -0.0', hex: 'C1 80 00 00 00 00 00 00 00', value: -0 },
  { name: 'float +Infinity', hex: 'C1 7F F0 00 00 00 00 00 00', value: Number.POSITIVE_INFINITY },
  { name: 'float NaN', hex: 'C1 7F F8 00 00 00 00 00 00', value: Number.NaN },
  { name: 'null', hex: 'C0', value: null },
  { name: 'false', hex: 'C2', value: false },
  { name: 'true', hex: 'C3', value: true },
  { name: 'empty string', hex: '80', value: '' },
  {
    name: 'the alphabet (STRING_8)',
    hex: 'D0 1A 41 42 43 44 45 46 47 48 49 4A 4B 4C 4D 4E 4F 50 51 52 53 54 55 56 57 58 59 5A',
    value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  },
  { name: 'map {one: "eins"}', hex: 'A1 83 6F 6E 65 84 65 69 6E 73', value: { one: 'eins' } },
  { name: 'empty bytes', hex: 'CC 00', value: new Uint8Array(0) },
  { name: 'empty list', hex: '90', value: [] },
  { name: 'empty map', hex: 'A0', value: {} },
];

const valueVectors: Vector[] = [
  {
    name: 'Node v4 (id=1, labels=["A"], props={})',
    hex: body('00 07 B3 4E 01 91 81 41 A0 00 00'),
    value: new Structure(0x4e, [1n, ['A'], {}]),
  },
  {
    name: 'Node v5 (…, element_id="1")',
    hex: body('00 09 B4 4E 01 91 81 41 A0 81 31 00 00'),
    value: new Structure(0x4e, [1n, ['A'], {}, '1']),
  },
  { name: 'Date(1)', hex: body('00 03 B1 44 01 00 00'), value: new Structure(0x44, [1n]) },
  {
    name: 'DateTime 0x49 (4500, 42, 3600)',
    hex: body('00 09 B3 49 C9 11 94 2A C9 0E 10 00 00'),
    value: new Structure(0x49, [4500n, 42n, 3600n]),
  },
  {
    name: 'Point2D(srid=7203, x=1.0, y=2.0)',
    hex: body('00 17 B3 58 C9 1C 23 C1 3F F0 00 00 00 00 00 00 C1 40 00 00 00 00 00 00 00 00 00'),
    value: new Structure(0x58, [7203n, 1, 2]),
  },
  {
    name: 'Vector float32 [1.0, 2.0]',
    hex: 'B2 56 CC 01 C6 CC 08 3F 80 00 00 40 00 00 00',
    value: new Structure(0x56, [Uint8Array.of(0xc6), Uint8Array.of(0x3f, 0x80, 0, 0, 0x40, 0, 0, 0)]),
  },
];

const messageVectors: Vector[] = [
  { name: 'RESET', hex: body('00 02 B0 0F 00 00'), value: new Structure(0x0f, []) },
  { name: 'GOODBYE', hex: body('00 02 B0 02 00 00'), value: new Structure(0x02, []) },
  {
    name: 'PULL {n:-1}',
    hex: body('00 06 B1 3F A1 81 6E FF 00 00'),
    value: new Structure(0x3f, [{ n: -1n }]),
  },
  {
    name: 'PULL {n:1000}',
    hex: body('00 08 B1 3F A1 81 6E C9 03 E8 00 00'),
    value: new Structure(0x3f, [{ n: 1000n }]),
  },
  {
    name: 'DISCARD {n:-1, qid:0}',
    hex: body('00 0B B1 2F A2 81 6E FF 83 71 69 64 00 00 00'),
    value: new Structure(0x2f, [{ n: -1n, qid: 0n }]),
  },
  {
    name: 'RUN "RETURN 1 AS n" {} {}',
    hex: body('00 12 B3 10 8D 52 45 54 55 52 4E 20 31 20 41 53 20 6E A0 A0 00 00'),
    value: new Structure(0x10, ['RETURN 1 AS n', {}, {}]),
  },
  {
    name: 'RUN "RETURN $x AS x" {x:1} {}',
    hex: body('00 16 B3 10 8E 52 45 54 55 52 4E 20 24 78 20 41 53 20 78 A1 81 78 01 A0 00 00'),
    value: new Structure(0x10, ['RETURN $x AS x', { x: 1n }, {}]),
  },
  {
    name: 'BEGIN {mode:"r"}',
    hex: body('00 0A B1 11 A1 84 6D 6F 64 65 81 72 00 00'),
    value: new Structure(0x11, [{ mode: 'r' }]),
  },
  { name: 'SUCCESS {}', hex: body('00 03 B1 70 A0 00 00'), value: new Structure(0x70, [{}]) },
  {
    name: 'SUCCESS {fields:["x"], t_first:0}',
    hex: body('00 16 B1 70 A2 86 66 69 65 6C 64 73 91 81 78 87 74 5F 66 69 72 73 74 00 00 00'),
    value: new Structure(0x70, [{ fields: ['x'], t_first: 0n }]),
  },
  { name: 'RECORD [1]', hex: body('00 04 B1 71 91 01 00 00'), value: new Structure(0x71, [[1n]]) },
  { name: 'IGNORED', hex: body('00 02 B0 7E 00 00'), value: new Structure(0x7e, []) },
  { name: 'TELEMETRY 2', hex: body('00 03 B1 54 02 00 00'), value: new Structure(0x54, [2n]) },
  {
    name: 'LOGON basic',
    hex: body(
      '00 2F B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C 85 6E 65 6F 34 6A 8B 63 72 65 64 65 6E 74 69 61 6C 73 82 70 77 00 00',
    ),
    value: new Structure(0x6a, [{ scheme: 'basic', principal: 'neo4j', credentials: 'pw' }]),
  },
  {
    name: 'HELLO (JS 5.26)',
    hex: body(
      '00 43 B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 87 61 70 70 2F 31 2E 30 8A 62 6F 6C 74 5F 61 67 65 6E 74 A1 87 70 72 6F 64 75 63 74 D0 17 6E 65 6F 34 6A 2D 6A 61 76 61 73 63 72 69 70 74 2F 35 2E 32 36 2E 30 00 00',
    ),
    value: new Structure(0x01, [
      { user_agent: 'app/1.0', bolt_agent: { product: 'neo4j-javascript/5.26.0' } },
    ]),
  },
  {
    name: 'SUCCESS (HELLO)',
    hex: body(
      '00 33 B1 70 A3 86 73 65 72 76 65 72 8C 4E 65 6F 34 6A 2F 35 2E 32 36 2E 30 8D 63 6F 6E 6E 65 63 74 69 6F 6E 5F 69 64 86 62 6F 6C 74 2D 31 85 68 69 6E 74 73 A0 00 00',
    ),
    value: new Structure(0x70, [{ server: 'Neo4j/5.26.0', connection_id: 'bolt-1', hints: {} }]),
  },
  {
    name: 'SUCCESS final {bookmark, type, t_last, db}',
    hex: body(
      '00 29 B1 70 A4 88 62 6F 6F 6B 6D 61 72 6B 84 62 6D 3A 31 84 74 79 70 65 81 72 86 74 5F 6C 61 73 74 00 82 64 62 85 6E 65 6F 34 6A 00 00',
    ),
    value: new Structure(0x70, [{ bookmark: 'bm:1', type: 'r', t_last: 0n, db: 'neo4j' }]),
  },
  {
    name: 'FAILURE {code, message:"x"}',
    hex: body(
      '00 39 B1 7F A2 84 63 6F 64 65 D0 25 4E 65 6F 2E 43 6C 69 65 6E 74 45 72 72 6F 72 2E 53 74 61 74 65 6D 65 6E 74 2E 53 79 6E 74 61 78 45 72 72 6F 72 87 6D 65 73 73 61 67 65 81 78 00 00',
    ),
    value: new Structure(0x7f, [{ code: 'Neo.ClientError.Statement.SyntaxError', message: 'x' }]),
  },
  {
    name: 'FAILURE (Bolt 5.7, GQL fields)',
    hex: body(
      '00 D8 B1 7F A5 8A 6E 65 6F 34 6A 5F 63 6F 64 65 D0 25 4E 65 6F 2E 43 6C 69 65 6E 74 45 72 72 6F 72 2E 53 74 61 74 65 6D 65 6E 74 2E 53 79 6E 74 61 78 45 72 72 6F 72 87 6D 65 73 73 61 67 65 8D 49 6E 76 61 6C 69 64 20 69 6E 70 75 74 8A 67 71 6C 5F 73 74 61 74 75 73 85 34 32 30 30 31 8B 64 65 73 63 72 69 70 74 69 6F 6E D0 3D 65 72 72 6F 72 3A 20 73 79 6E 74 61 78 20 65 72 72 6F 72 20 6F 72 20 61 63 63 65 73 73 20 72 75 6C 65 20 76 69 6F 6C 61 74 69 6F 6E 20 2D 20 69 6E 76 61 6C 69 64 20 73 79 6E 74 61 78 D0 11 64 69 61 67 6E 6F 73 74 69 63 5F 72 65 63 6F 72 64 A1 8F 5F 63 6C 61 73 73 69 66 69 63 61 74 69 6F 6E 8C 43 4C 49 45 4E 54 5F 45 52 52 4F 52 00 00',
    ),
    value: new Structure(0x7f, [
      {
        neo4j_code: 'Neo.ClientError.Statement.SyntaxError',
        message: 'Invalid input',
        gql_status: '42001',
        description: 'error: syntax error or access rule violation - invalid syntax',
        diagnostic_record: { _classification: 'CLIENT_ERROR' },
      },
    ]),
  },
  {
    name: 'ROUTE {address} [] {}',
    hex: body(
      '00 1C B3 66 A1 87 61 64 64 72 65 73 73 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 90 A0 00 00',
    ),
    value: new Structure(0x66, [{ address: 'localhost:7687' }, [], {}]),
  },
  {
    name: 'SUCCESS {rt} (ROUTE)',
    hex: body(
      '00 91 B1 70 A1 82 72 74 A3 83 74 74 6C C9 01 2C 82 64 62 85 6E 65 6F 34 6A 87 73 65 72 76 65 72 73 93 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 85 57 52 49 54 45 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 84 52 45 41 44 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 85 52 4F 55 54 45 00 00',
    ),
    value: new Structure(0x70, [
      {
        rt: {
          ttl: 300n,
          db: 'neo4j',
          servers: [
            { addresses: ['localhost:7687'], role: 'WRITE' },
            { addresses: ['localhost:7687'], role: 'READ' },
            { addresses: ['localhost:7687'], role: 'ROUTE' },
          ],
        },
      },
    ]),
  },
];

for (const [group, vectors] of [
  ['integers (§4.3, Appendix A)', integerVectors],
  ['scalars, strings and maps (§4.3)', scalarVectors],
  ['structure values (Appendix A)', valueVectors],
  ['message bodies (Appendix A)', messageVectors],
] as const) {
  describe(`PackStream vectors: ${group}`, () => {
    for (const vector of vectors) {
      test(`${vector.name} encodes byte-exactly`, () => {
        assert.equal(toHex(encode(vector.value)), toHex(fromHex(vector.hex)));
      });
      test(`${vector.name} decodes from its bytes`, () => {
        assert.deepEqual(decode(fromHex(vector.hex)), vector.value);
      });
    }
  });
}
