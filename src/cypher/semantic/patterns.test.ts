import { test } from 'node:test';
import { accepts, rejects } from './test-support.fixture.js';

test('a relationship or path variable used as a node is VariableTypeConflict', () => {
  rejects('MATCH ()-[r]-() MATCH (r) RETURN r', 'VariableTypeConflict');
  rejects('MATCH r = ()-[]-() MATCH (r) RETURN r', 'VariableTypeConflict');
  rejects('MATCH ()-[r]-(), (r) RETURN r', 'VariableTypeConflict');
});

test('a node or value used as a relationship is VariableTypeConflict', () => {
  rejects('MATCH (r) MATCH ()-[r]-() RETURN r', 'VariableTypeConflict');
  rejects('WITH true AS r MATCH ()-[r]-() RETURN r', 'VariableTypeConflict');
  rejects('WITH 123 AS n MATCH (n) RETURN n', 'VariableTypeConflict');
  rejects('MATCH (n) WITH [n] AS users MATCH (users)-->(m) RETURN m', 'VariableTypeConflict');
});

test('a bound relationship may be matched again in a later clause, but not twice in one pattern', () => {
  accepts('MATCH (a)-[r]->(b) WITH a, r, b MATCH (a)-[r]->(b) RETURN r');
  rejects('MATCH ()-[r]->()-[r]->() RETURN r', 'VariableAlreadyBound');
});

test('a path variable must be new', () => {
  rejects('MATCH (p)-->() MATCH p = ()-->() RETURN p', 'VariableAlreadyBound');
  rejects('MATCH p = (p)-->() RETURN p', 'VariableAlreadyBound');
  rejects('WITH true AS p MATCH p = ()-->() RETURN p', 'VariableAlreadyBound');
});

test('CREATE may not redeclare a bound node with labels or properties, or on its own', () => {
  accepts('MATCH (a) CREATE (a)-[:R]->(b:B {x: a.x})');
  rejects('MATCH (a) CREATE (a)', 'VariableAlreadyBound');
  rejects('CREATE (n:Foo) CREATE (n:Bar)-[:OWNS]->(:Dog)', 'VariableAlreadyBound');
  rejects('CREATE (n:Foo) CREATE (n {})-[:OWNS]->(:Dog)', 'VariableAlreadyBound');
  rejects('MATCH ()-[r]->() CREATE ()-[r]->()', 'VariableAlreadyBound');
});

test('CREATE needs one relationship type, a direction and a fixed length', () => {
  rejects('CREATE ()-->()', 'NoSingleRelationshipType');
  rejects('CREATE (a)-[:A|B]->(b)', 'NoSingleRelationshipType');
  rejects('CREATE (a)-[:FOO]-(b)', 'RequiresDirectedRelationship');
  rejects('CREATE ()-[:FOO*2]->()', 'CreatingVarLength');
});

test('MERGE needs one relationship type but allows an undirected relationship', () => {
  accepts('MATCH (a), (b) MERGE (a)-[:T]-(b)');
  rejects('MATCH (a), (b) MERGE (a)-[NO_COLON]->(b)', 'NoSingleRelationshipType');
  rejects('MERGE (a) MERGE (b) MERGE (a)-[:FOO*2]->(b)', 'CreatingVarLength');
  rejects('CREATE (a:Foo) MERGE (a)-[r:KNOWS]->(a:Bar)', 'VariableAlreadyBound');
  rejects('MATCH (a) MERGE (a)', 'VariableAlreadyBound');
});

test('parameter maps are rejected in MATCH and MERGE patterns but allowed in CREATE', () => {
  rejects('MATCH (n $param) RETURN n', 'InvalidParameterUse');
  rejects('MATCH ()-[r:FOO $param]->() RETURN r', 'InvalidParameterUse');
  rejects('MERGE (n $param) RETURN n', 'InvalidParameterUse');
  accepts('CREATE (n $param) RETURN n');
});

test('property maps in patterns are checked for undefined variables', () => {
  rejects('CREATE (b {name: missing}) RETURN b', 'UndefinedVariable');
  rejects('MATCH (a) CREATE (a)-[:KNOWS]->(b {name: missing}) RETURN b', 'UndefinedVariable');
});
