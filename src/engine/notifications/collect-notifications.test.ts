import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectNotifications } from './collect-notifications.js';
import { compileQuery, knownTokens } from './notifications.fixture.js';

const GRAPH = knownTokens({
  labels: ['Person', 'City'],
  relationshipTypes: ['KNOWS', 'LIVES_IN'],
  propertyKeys: ['name', 'age'],
});

/** `[gql status, name the status is about, offset, line, column]` for each notification of one run. */
function summarize(text: string, tokens = GRAPH, database = 'neo4j') {
  return collectNotifications(compileQuery(text), tokens, database).map((notification) => {
    const parameters = notification.parameters ?? {};
    const subject =
      parameters['label'] ?? parameters['relType'] ?? parameters['propKey'] ?? parameters['pat'];
    const position = notification.position;
    return [notification.definition.gql.code, subject, position?.offset, position?.line, position?.column];
  });
}

describe('unknown labels, relationship types and property keys', () => {
  test('a query using only known names raises nothing', () => {
    assert.deepEqual(
      summarize('MATCH (p:Person)-[:KNOWS]->(f:Person) WHERE p.age > 30 RETURN f.name, p {.name}'),
      [],
    );
  });

  test('an unknown label in a MATCH pattern is a 01N50 warning pointing at the name', () => {
    assert.deepEqual(summarize('MATCH (n:Persn) RETURN n'), [['01N50', 'Persn', 9, 1, 10]]);
  });

  test('labels of OPTIONAL MATCH, label expressions and WHERE predicates are each checked', () => {
    assert.deepEqual(summarize('MATCH (n) OPTIONAL MATCH (m:A|Person&!B) WHERE n:C:Person RETURN n, m'), [
      ['01N50', 'A', 28, 1, 29],
      ['01N50', 'B', 38, 1, 39],
      ['01N50', 'C', 49, 1, 50],
    ]);
  });

  test('an unknown relationship type in a pattern or a type predicate is a 01N51 warning', () => {
    assert.deepEqual(summarize('MATCH (a)-[r:KNOWS|LIKES]->(b)<-[:OWNS]-() WHERE r:HATES RETURN a'), [
      ['01N51', 'LIKES', 19, 1, 20],
      ['01N51', 'OWNS', 34, 1, 35],
      ['01N51', 'HATES', 51, 1, 52],
    ]);
  });

  test('an unknown property key read from a node or relationship is a 01N52 warning', () => {
    assert.deepEqual(
      summarize('MATCH (n {nick: 1})-[r]->(m) WHERE r.since > 1 RETURN n.name, m.email, n {.age, .zip}'),
      [
        ['01N52', 'nick', 10, 1, 11],
        ['01N52', 'since', 37, 1, 38],
        ['01N52', 'email', 64, 1, 65],
        ['01N52', 'zip', 81, 1, 82],
      ],
    );
  });

  test('keys of maps and temporal values are not property keys of the database', () => {
    assert.deepEqual(summarize("WITH {nick: 1} AS m, date('2024-01-01') AS d RETURN m.nick, d.year"), []);
  });

  test('a renamed node is still a node (`WITH n AS m`)', () => {
    assert.deepEqual(summarize('MATCH (n:Person) WITH n AS m RETURN m.nick'), [['01N52', 'nick', 38, 1, 39]]);
  });

  test('names in subqueries, pattern predicates and comprehensions are checked too', () => {
    const text =
      'MATCH (n) WHERE EXISTS { (n)-[:X]->(:Y) } RETURN [(n)-->(m:Z) | m.w] AS l, COUNT { MATCH (n:Q) } AS c';
    assert.deepEqual(
      summarize(text).map(([code, name]) => [code, name]),
      [
        ['01N51', 'X'],
        ['01N50', 'Y'],
        ['01N50', 'Z'],
        ['01N52', 'w'],
        ['01N50', 'Q'],
      ],
    );
  });

  test('every occurrence is reported, each with its own position', () => {
    assert.deepEqual(summarize('MATCH (a:X)-->(b:X) RETURN a'), [
      ['01N50', 'X', 9, 1, 10],
      ['01N50', 'X', 17, 1, 18],
    ]);
  });

  test('positions count lines and columns from 1 across line breaks', () => {
    const text = 'MATCH (n:Person)\n  WHERE n:Ghost\r\n  RETURN n.nope';
    assert.deepEqual(summarize(text), [
      ['01N50', 'Ghost', 27, 2, 11],
      ['01N52', 'nope', 45, 3, 12],
    ]);
  });

  test('a backticked name is unescaped in the message and its position is the opening backtick', () => {
    const text = 'MATCH (n:`Odd``One` /* : */)-[:`sp ace`]->() RETURN n.`k-ey`, "n:Fake"';
    assert.deepEqual(summarize(text), [
      ['01N50', 'Odd`One', 9, 1, 10],
      ['01N51', 'sp ace', 31, 1, 32],
      ['01N52', 'k-ey', 54, 1, 55],
    ]);
  });

  test('the description and template parameters are the ones Neo4j sends', () => {
    const [label, type, key] = collectNotifications(
      compileQuery('MATCH (n:Ghost)-[:HAUNTS]->() RETURN n.boo'),
      GRAPH,
      'movies',
    );
    assert.ok(label !== undefined && type !== undefined && key !== undefined);
    assert.equal(
      label.description,
      "One of the labels in your query is not available in the database, make sure you didn't misspell it or that the label is available when you run this statement in your application (the missing label name is: Ghost)",
    );
    assert.deepEqual(label.parameters, { label: 'Ghost', db: 'movies' });
    assert.equal(label.definition.code, 'Neo.ClientNotification.Statement.UnknownLabelWarning');
    assert.equal(label.definition.severity, 'WARNING');
    assert.match(type.description, /\(the missing relationship type is: HAUNTS\)$/);
    assert.deepEqual(type.parameters, { relType: 'HAUNTS', db: 'movies' });
    assert.match(key.description, /^One of the property names .* \(the missing property name is: boo\)$/);
    assert.deepEqual(key.parameters, { propKey: 'boo', db: 'movies' });
  });

  test('updating queries raise none, as in Neo4j, which checks read-only queries only', () => {
    assert.deepEqual(summarize('CREATE (n:Brand {new: 1})-[:NEW]->(:Thing)'), []);
    assert.deepEqual(summarize('MERGE (n:Brand {new: 1}) SET n.other = 2, n:Fresh'), []);
    assert.deepEqual(summarize('MATCH (n:Ghost) SET n.x = n.y'), []);
  });

  test('EXPLAIN and PROFILE warn like the query itself', () => {
    assert.deepEqual(summarize('EXPLAIN MATCH (n:Ghost) RETURN n'), [['01N50', 'Ghost', 17, 1, 18]]);
    assert.deepEqual(summarize('PROFILE MATCH (n:Ghost) RETURN n'), [['01N50', 'Ghost', 17, 1, 18]]);
  });

  test('the tokens are checked at each run, so a cached query stops warning once the label exists', () => {
    const tokens = knownTokens();
    const compiled = compileQuery('MATCH (n:Later) RETURN n');
    assert.equal(collectNotifications(compiled, tokens, 'neo4j').length, 1);
    tokens.add('labels', 'Later');
    assert.equal(collectNotifications(compiled, tokens, 'neo4j').length, 0);
  });
});

describe('cartesian products', () => {
  test('a MATCH with disconnected patterns is a 03N90 notification at the MATCH', () => {
    assert.deepEqual(summarize('MATCH (a:Person), (b:City) RETURN a, b'), [
      ['03N90', '(a:Person), (b:City)', 0, 1, 1],
    ]);
  });

  test('its description names the variables of the disconnected piece', () => {
    const [notification] = collectNotifications(
      compileQuery('MATCH (a)-[:KNOWS]->(b), (d)-[r]-(c) RETURN a'),
      GRAPH,
      'neo4j',
    );
    assert.ok(notification !== undefined);
    assert.equal(notification.definition.severity, 'INFORMATION');
    assert.equal(notification.definition.category, 'PERFORMANCE');
    assert.match(
      notification.description,
      /^If a part of a query contains multiple disconnected patterns, .* by using OPTIONAL MATCH \(identifiers are: \(c, d, r\)\)$/,
    );
  });

  test('patterns connected through a shared variable, or in separate MATCH clauses, are not reported', () => {
    assert.deepEqual(summarize('MATCH (a)-->(b), (b)-->(c), (c)-->(d) RETURN a'), []);
    assert.deepEqual(summarize('MATCH (a) MATCH (b) RETURN a, b'), []);
  });

  test('each further piece is reported, also in write queries and under EXPLAIN', () => {
    assert.deepEqual(
      summarize('EXPLAIN MATCH (a), (b), (c) CREATE (a)-[:KNOWS]->(b)').map(([code, , offset]) => [
        code,
        offset,
      ]),
      [
        ['03N90', 8],
        ['03N90', 8],
      ],
    );
  });

  test('OPTIONAL MATCH and MATCH in subqueries count, and a piece with no named variable lists none', () => {
    const notifications = collectNotifications(
      compileQuery('OPTIONAL MATCH (a), () RETURN a, COUNT { MATCH (x), (y) } AS c'),
      GRAPH,
      'neo4j',
    );
    assert.deepEqual(
      notifications.map((notification) => [
        notification.parameters?.['pat'],
        notification.description.slice(notification.description.lastIndexOf('(identifier')),
      ]),
      [
        ['(a), ()', '(identifiers are: ())'],
        ['(x), (y)', '(identifier is: (y))'],
      ],
    );
  });

  test('warnings come before information', () => {
    assert.deepEqual(
      summarize('MATCH (a), (b:Ghost) RETURN a').map(([code]) => code),
      ['01N50', '03N90'],
    );
  });
});
