/**
 * The framed message vectors of bolt-spec-digest Appendix A (chunk header, body, end marker `00 00`), shared
 * by the chunk decoder and encoder tests. Names are the digest's labels; `session:` rows come from its
 * Bolt 5.4/4.4/5.7 transcripts. Every vector is a single chunk (all bodies are shorter than 65 535 bytes).
 */
export const APPENDIX_A_MESSAGES: readonly (readonly [name: string, hex: string])[] = [
  [
    'session: HELLO',
    '00 43 B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 87 61 70 70 2F 31 2E 30 8A 62 6F 6C ' +
      '74 5F 61 67 65 6E 74 A1 87 70 72 6F 64 75 63 74 D0 17 6E 65 6F 34 6A 2D 6A 61 76 61 ' +
      '73 63 72 69 70 74 2F 35 2E 32 36 2E 30 00 00',
  ],
  [
    'session: LOGON basic',
    '00 2F B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C ' +
      '85 6E 65 6F 34 6A 8B 63 72 65 64 65 6E 74 69 61 6C 73 82 70 77 00 00',
  ],
  [
    'session: SUCCESS (HELLO)',
    '00 33 B1 70 A3 86 73 65 72 76 65 72 8C 4E 65 6F 34 6A 2F 35 2E 32 36 2E 30 8D 63 6F ' +
      '6E 6E 65 63 74 69 6F 6E 5F 69 64 86 62 6F 6C 74 2D 31 85 68 69 6E 74 73 A0 00 00',
  ],
  ['session: SUCCESS (LOGON)', '00 03 B1 70 A0 00 00'],
  ['session: RUN', '00 16 B3 10 8E 52 45 54 55 52 4E 20 24 78 20 41 53 20 78 A1 81 78 01 A0 00 00'],
  ['session: PULL {n:1000}', '00 08 B1 3F A1 81 6E C9 03 E8 00 00'],
  [
    'session: SUCCESS fields',
    '00 16 B1 70 A2 86 66 69 65 6C 64 73 91 81 78 87 74 5F 66 69 72 73 74 00 00 00',
  ],
  ['session: RECORD [1]', '00 04 B1 71 91 01 00 00'],
  [
    'session: SUCCESS final',
    '00 29 B1 70 A4 88 62 6F 6F 6B 6D 61 72 6B 84 62 6D 3A 31 84 74 79 70 65 81 72 86 74 ' +
      '5F 6C 61 73 74 00 82 64 62 85 6E 65 6F 34 6A 00 00',
  ],
  ['session: GOODBYE', '00 02 B0 02 00 00'],
  [
    'session: ROUTE {address} [] {}',
    '00 1C B3 66 A1 87 61 64 64 72 65 73 73 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 ' + '90 A0 00 00',
  ],
  [
    'session: SUCCESS rt',
    '00 91 B1 70 A1 82 72 74 A3 83 74 74 6C C9 01 2C 82 64 62 85 6E 65 6F 34 6A 87 73 65 ' +
      '72 76 65 72 73 93 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 ' +
      '3A 37 36 38 37 84 72 6F 6C 65 85 57 52 49 54 45 A2 89 61 64 64 72 65 73 73 65 73 91 ' +
      '8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 84 52 45 41 44 A2 89 61 ' +
      '64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C ' +
      '65 85 52 4F 55 54 45 00 00',
  ],
  [
    'session: FAILURE',
    '00 D8 B1 7F A5 8A 6E 65 6F 34 6A 5F 63 6F 64 65 D0 25 4E 65 6F 2E 43 6C 69 65 6E 74 ' +
      '45 72 72 6F 72 2E 53 74 61 74 65 6D 65 6E 74 2E 53 79 6E 74 61 78 45 72 72 6F 72 87 ' +
      '6D 65 73 73 61 67 65 8D 49 6E 76 61 6C 69 64 20 69 6E 70 75 74 8A 67 71 6C 5F 73 74 ' +
      '61 74 75 73 85 34 32 30 30 31 8B 64 65 73 63 72 69 70 74 69 6F 6E D0 3D 65 72 72 6F ' +
      '72 3A 20 73 79 6E 74 61 78 20 65 72 72 6F 72 20 6F 72 20 61 63 63 65 73 73 20 72 75 ' +
      '6C 65 20 76 69 6F 6C 61 74 69 6F 6E 20 2D 20 69 6E 76 61 6C 69 64 20 73 79 6E 74 61 ' +
      '78 D0 11 64 69 61 67 6E 6F 73 74 69 63 5F 72 65 63 6F 72 64 A1 8F 5F 63 6C 61 73 73 ' +
      '69 66 69 63 61 74 69 6F 6E 8C 43 4C 49 45 4E 54 5F 45 52 52 4F 52 00 00',
  ],
  ['RESET', '00 02 B0 0F 00 00'],
  ['GOODBYE', '00 02 B0 02 00 00'],
  ['PULL {n:-1}', '00 06 B1 3F A1 81 6E FF 00 00'],
  ['PULL {n:1000}', '00 08 B1 3F A1 81 6E C9 03 E8 00 00'],
  ['DISCARD {n:-1, qid:0}', '00 0B B1 2F A2 81 6E FF 83 71 69 64 00 00 00'],
  ["RUN 'RETURN 1 AS n' {} {}", '00 12 B3 10 8D 52 45 54 55 52 4E 20 31 20 41 53 20 6E A0 A0 00 00'],
  ["BEGIN {mode:'r'}", '00 0A B1 11 A1 84 6D 6F 64 65 81 72 00 00'],
  ['COMMIT', '00 02 B0 12 00 00'],
  ['SUCCESS {}', '00 03 B1 70 A0 00 00'],
  [
    "SUCCESS {fields:['n'], t_first:0}",
    '00 16 B1 70 A2 86 66 69 65 6C 64 73 91 81 6E 87 74 5F 66 69 72 73 74 00 00 00',
  ],
  ['RECORD [1]', '00 04 B1 71 91 01 00 00'],
  ['IGNORED', '00 02 B0 7E 00 00'],
  [
    "FAILURE {code:'Neo.ClientError.Statement.SyntaxError', message:'x'}",
    '00 39 B1 7F A2 84 63 6F 64 65 D0 25 4E 65 6F 2E 43 6C 69 65 6E 74 45 72 72 6F 72 2E ' +
      '53 74 61 74 65 6D 65 6E 74 2E 53 79 6E 74 61 78 45 72 72 6F 72 87 6D 65 73 73 61 67 ' +
      '65 81 78 00 00',
  ],
  ['TELEMETRY 2', '00 03 B1 54 02 00 00'],
  ['LOGOFF', '00 02 B0 6B 00 00'],
  [
    "LOGON {scheme:'basic',principal:'neo4j',credentials:'pw'}",
    '00 2F B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C ' +
      '85 6E 65 6F 34 6A 8B 63 72 65 64 65 6E 74 69 61 6C 73 82 70 77 00 00',
  ],
  ["Node v4 (id=1, labels=['A'], props={})", '00 07 B3 4E 01 91 81 41 A0 00 00'],
  ["Node v5 (id=1, labels=['A'], props={}, element_id='1')", '00 09 B4 4E 01 91 81 41 A0 81 31 00 00'],
  ['Date(1) = 1970-01-02', '00 03 B1 44 01 00 00'],
  ['DateTime 0x49 (4500,42,3600)', '00 09 B3 49 C9 11 94 2A C9 0E 10 00 00'],
  [
    'Point2D(srid=7203,x=1.0,y=2.0)',
    '00 17 B3 58 C9 1C 23 C1 3F F0 00 00 00 00 00 00 C1 40 00 00 00 00 00 00 00 00 00',
  ],
];
