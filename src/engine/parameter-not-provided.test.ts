import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Database } from './index.js';

test('EXPLAIN without the parameters plans the query and warns with 01N60 naming the missing ones', async () => {
  const db = await Database.open();
  const session = db.session();
  await session.run('CREATE (:User {id: 1})').summary();
  const summary = await session
    .run('EXPLAIN MATCH (n:User {id: $id}) WHERE n.x = $x RETURN n', { x: 1 })
    .summary();
  const [warning] = summary.notifications ?? [];
  assert.equal(warning?.definition.code, 'Neo.ClientNotification.Statement.ParameterNotProvided');
  assert.equal(warning.definition.gql.code, '01N60');
  assert.match(warning.description, /\(Missing parameters: id\)$/);
  assert.deepEqual(warning.parameters, { paramList: '$id' });
  assert.ok(summary.plan !== undefined);
  await db.close();
});

test('the same query without EXPLAIN still fails with ParameterMissing, and EXPLAIN with them does not warn', async () => {
  const db = await Database.open();
  const session = db.session();
  await assert.rejects(session.run('MATCH (n:User {id: $id}) RETURN n').summary(), {
    code: 'Neo.ClientError.Statement.ParameterMissing',
  });
  const summary = await session.run('EXPLAIN MATCH (n {id: $id}) RETURN n', { id: 1 }).summary();
  const codes = (summary.notifications ?? []).map((notification) => notification.definition.gql.code);
  assert.equal(codes.includes('01N60'), false, codes.join());
  await db.close();
});
