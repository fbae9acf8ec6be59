import { test } from 'node:test';
import { accepts, rejects } from './test-support.fixture.js';

test('duplicate column names are ColumnNameConflict', () => {
  rejects('RETURN 1 AS a, 2 AS a', 'ColumnNameConflict');
  rejects('WITH 1 AS a, 2 AS a RETURN a', 'ColumnNameConflict');
});

test('WITH expressions must be aliased, RETURN expressions need not be', () => {
  rejects('MATCH (a) WITH a, count(*) RETURN a', 'NoExpressionAlias');
  accepts('MATCH (a) RETURN a, count(*)');
});

test('aggregates may not be nested, and their arguments must be deterministic', () => {
  rejects('RETURN count(count(*))', 'NestedAggregation');
  rejects('RETURN count(rand())', 'NonConstantExpression');
  accepts('MATCH (a) RETURN size(collect(a)) AS s, count(*) * 10 AS c');
});

test('aggregates are InvalidAggregation outside projections and inside comprehensions', () => {
  rejects('MATCH (n) WHERE count(n) > 1 RETURN n', 'InvalidAggregation');
  rejects('MATCH (n) RETURN [x IN [1, 2] | count(*)]', 'InvalidAggregation');
  rejects('MATCH (n) SET n.c = count(*)', 'InvalidAggregation');
});

test('ORDER BY may aggregate only when its projection aggregates', () => {
  rejects('MATCH (n) RETURN n.num1 ORDER BY max(n.num2)', 'InvalidAggregation');
  rejects('MATCH (n) WITH n.num1 AS foo ORDER BY count(n) RETURN foo', 'InvalidAggregation');
  accepts('MATCH (a) WITH a.x % 3 AS mod, sum(a.y) AS s ORDER BY sum(a.y) RETURN mod, s');
});

test('an aggregating item may reuse simple grouping keys only', () => {
  accepts('MATCH (me)--(you) RETURN me.age, me.age + count(you.age)');
  rejects('MATCH (me)--(you) RETURN me.age + count(you.age)', 'AmbiguousAggregationExpression');
  rejects(
    'MATCH (me)--(you) RETURN me.age + you.age, me.age + you.age + count(*)',
    'AmbiguousAggregationExpression',
  );
  rejects('MATCH (me)--(you) WITH me.age + count(you.age) AS agg RETURN *', 'AmbiguousAggregationExpression');
  accepts('MATCH (p) WITH $age + avg(p.age) - 1000 AS agg RETURN *');
});

test('ORDER BY after aggregation sees projected names and grouping expressions only', () => {
  accepts('MATCH (me)--(you) RETURN me.age AS age, count(you.age) AS cnt ORDER BY me.age + count(you.age)');
  rejects(
    'MATCH (me)--(you) RETURN count(you.age) AS agg ORDER BY me.age + count(you.age)',
    'UndefinedVariable',
  );
  rejects(
    'MATCH (me)--(you) WITH me.age + you.age, count(*) AS cnt ORDER BY me.age + you.age + count(*) RETURN *',
    'AmbiguousAggregationExpression',
  );
});

test('SKIP and LIMIT take constant non-negative integers', () => {
  accepts('MATCH (n) RETURN n SKIP $s LIMIT 10');
  rejects('MATCH (n) RETURN n SKIP n.count', 'NonConstantExpression');
  rejects('MATCH (n) RETURN n LIMIT n.count', 'NonConstantExpression');
  rejects('MATCH (n) RETURN n SKIP -1', 'NegativeIntegerArgument');
  rejects('MATCH (n) RETURN n LIMIT 1.7', 'InvalidArgumentType');
});
