import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ALL_GQL_STATUSES, findGqlStatus, GqlStatus, type GqlErrorStatusCode } from './gql-status.js';
import { defineGqlStatus, renderGqlDescription } from './gql-status-definition.js';

describe('the GqlStatus registry', () => {
  test('every key is its own five-character code', () => {
    for (const [key, gql] of Object.entries(GqlStatus)) {
      assert.equal(gql.code, key);
      assert.match(gql.code, /^[0-9A-Z]{5}$/);
    }
    assert.deepEqual(ALL_GQL_STATUSES, Object.values(GqlStatus));
  });

  test('descriptions follow the standard form of their kind', () => {
    for (const gql of ALL_GQL_STATUSES) {
      const suffix = gql.subcondition === '' ? '' : ` - ${gql.subcondition}`;
      const expected = {
        success: `note: ${gql.condition}${suffix}`,
        'no data': `note: ${gql.condition}${suffix}`,
        warning: `warn: ${gql.subcondition}`,
        information: `info: ${gql.subcondition}`,
        error: `error: ${gql.condition}${suffix}`,
      }[gql.kind];
      assert.equal(gql.description, expected, gql.code);
    }
  });

  test('descriptions match the ones Neo4j sends', () => {
    const expected: [keyof typeof GqlStatus, string][] = [
      ['00000', 'note: successful completion'],
      ['00001', 'note: successful completion - omitted result'],
      ['02000', 'note: no data'],
      ['01N50', 'warn: label does not exist'],
      ['03N90', 'info: cartesian product'],
      ['08N06', 'error: connection exception - protocol error'],
      ['22000', 'error: data exception'],
      ['25N14', 'error: invalid transaction state - transaction termination client error'],
      ['2DN01', 'error: invalid transaction termination - commit failed'],
      ['40N01', 'error: transaction rollback - rollback failed'],
      ['42001', 'error: syntax error or access rule violation - invalid syntax'],
      ['50N42', 'error: general processing exception - unexpected error'],
      ['51N73', 'error: system configuration or operation exception - transaction memory limit reached'],
      ['52N37', 'error: procedure exception - procedure execution error'],
    ];
    for (const [code, description] of expected) assert.equal(GqlStatus[code].description, description);
  });

  test('notifications carry a notification classification and errors an error classification', () => {
    for (const gql of ALL_GQL_STATUSES) {
      if (gql.classification === undefined) continue;
      assert.equal(gql.classification.endsWith('_ERROR'), gql.kind === 'error', gql.code);
    }
    for (const gql of ALL_GQL_STATUSES.filter(
      (entry) => entry.kind === 'warning' || entry.kind === 'information',
    )) {
      assert.notEqual(gql.classification, undefined, `${gql.code} needs a notification classification`);
    }
  });

  test('message templates use only well-formed { $name } placeholders', () => {
    for (const gql of ALL_GQL_STATUSES) {
      const withoutPlaceholders = gql.messageTemplate.replace(/\{ \$[A-Za-z0-9]+ \}/g, '');
      assert.doesNotMatch(withoutPlaceholders, /[{}%]/, `${gql.code}: ${gql.messageTemplate}`);
    }
  });

  test('findGqlStatus finds registered codes and nothing else', () => {
    assert.equal(findGqlStatus('42I06'), GqlStatus['42I06']);
    assert.equal(findGqlStatus('99999'), undefined);
    assert.equal(findGqlStatus('toString'), undefined);
    assert.equal(findGqlStatus(''), undefined);
  });

  test('an error status code cannot name a success, warning or information status', () => {
    const error: GqlErrorStatusCode = '08N06';
    // @ts-expect-error 01N50 is a warning, not an error
    const warning: GqlErrorStatusCode = '01N50';
    // @ts-expect-error 00000 is the success status
    const success: GqlErrorStatusCode = '00000';
    assert.deepEqual([error, warning, success], ['08N06', '01N50', '00000']);
  });
});

describe('defineGqlStatus', () => {
  test('rejects a code that is not five upper-case letters or digits', () => {
    for (const code of ['4200', '420001', '42i06', '42 06']) {
      assert.throws(() => defineGqlStatus(code, 'x', 'CLIENT_ERROR'), /Malformed GQLSTATUS/, code);
    }
  });

  test('rejects a class the registry does not know', () => {
    assert.throws(() => defineGqlStatus('99N01', 'x', 'CLIENT_ERROR'), /class the registry does not know/);
  });

  test('rejects a classification that does not fit the class', () => {
    assert.throws(() => defineGqlStatus('01N99', 'x', 'CLIENT_ERROR'), /does not fit its class/);
    assert.throws(() => defineGqlStatus('42N99', 'x', 'PERFORMANCE'), /does not fit its class/);
  });

  test('returns a frozen entry', () => {
    assert.ok(Object.isFrozen(defineGqlStatus('42N99', 'x', undefined)));
  });
});

describe('renderGqlDescription', () => {
  test('renders what Neo4j sends for a failed logon', () => {
    assert.equal(
      renderGqlDescription(GqlStatus['42NFF']),
      'error: syntax error or access rule violation - permission/access denied. Access denied, see the security logs for details.',
    );
  });

  test('fills the parameters of a message sent in the wrong state', () => {
    assert.equal(
      renderGqlDescription(GqlStatus['08N10'], { msg: 'BeginMessage', boltServerState: "'AUTHENTICATION'" }),
      "error: connection exception - invalid server state. Message BeginMessage cannot be handled by session in the 'AUTHENTICATION' state.",
    );
  });

  test('is the bare standard description when there is no message', () => {
    assert.equal(renderGqlDescription(GqlStatus['42001']), GqlStatus['42001'].description);
  });

  test('shows a missing parameter by name instead of leaving a hole', () => {
    assert.equal(
      renderGqlDescription(GqlStatus['42N62']),
      'error: syntax error or access rule violation - variable not defined. Variable $variable not defined.',
    );
  });

  test('for any parameter values, keeps the standard description and leaves no placeholder behind', () => {
    const withTemplate = ALL_GQL_STATUSES.filter((gql) => gql.messageTemplate !== '');
    fc.assert(
      fc.property(
        fc.constantFrom(...withTemplate),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 })),
        (gql, parameters) => {
          const rendered = renderGqlDescription(gql, parameters);
          assert.ok(rendered.startsWith(`${gql.description}. `));
          const names = [...gql.messageTemplate.matchAll(/\{ \$([A-Za-z0-9]+) \}/g)].map((match) => match[1]);
          const filled = Object.fromEntries(names.map((name) => [name ?? '', 'V']));
          assert.doesNotMatch(renderGqlDescription(gql, filled), /\{ \$/);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
