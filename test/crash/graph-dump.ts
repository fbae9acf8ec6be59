/**
 * A store's committed state as plain data, by names and ids, for comparing a recovered store with the one
 * that wrote the files (deep equality; values keep their classes, so temporal values compare by fields).
 */
import type { GraphStore, TransactionReader } from '../../src/storage/index.js';
import type { CypherValue } from '../../src/values/index.js';

export interface GraphDump {
  readonly databaseId: string;
  readonly lastCommitTs: number;
  readonly nodes: readonly unknown[];
  readonly relationships: readonly unknown[];
  readonly indexes: readonly unknown[];
  readonly constraints: readonly unknown[];
}

function propertiesOf(
  store: GraphStore,
  visit: (fn: (key: number, value: CypherValue) => void) => void,
): [string, CypherValue][] {
  const result: [string, CypherValue][] = [];
  visit((key, value) => {
    result.push([store.tokens.propertyKeys.nameOf(key), value]);
  });
  return result.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function adjacency(tx: TransactionReader, node: number): number[] {
  const cursor = tx.expand(node, 'BOTH', undefined);
  const ids: number[] = [];
  for (let id = cursor.next(); id !== -1; id = cursor.next()) ids.push(id);
  return ids.sort((a, b) => a - b);
}

/** Everything observable about the committed graph of `store` (ids, names, values, schema). */
export function dumpGraph(store: GraphStore, options: { withClock?: boolean } = {}): GraphDump {
  const tx = store.begin({ readOnly: true });
  const names = store.tokens;
  const nodes: unknown[] = [];
  for (const cursor = tx.scanNodes(); ;) {
    const id = cursor.next();
    if (id === -1) break;
    nodes.push({
      id,
      labels: tx
        .nodeLabels(id)
        .map((label) => names.labels.nameOf(label))
        .sort(),
      properties: propertiesOf(store, (fn) => {
        tx.forEachNodeProperty(id, fn);
      }),
      relationships: adjacency(tx, id),
    });
  }
  const relationships: unknown[] = [];
  for (const cursor = tx.scanRelationships(); ;) {
    const id = cursor.next();
    if (id === -1) break;
    relationships.push({
      id,
      type: names.relationshipTypes.nameOf(tx.relationshipType(id)),
      start: tx.relationshipStart(id),
      end: tx.relationshipEnd(id),
      properties: propertiesOf(store, (fn) => {
        tx.forEachRelationshipProperty(id, fn);
      }),
    });
  }
  tx.rollback();
  const indexes = store
    .indexes()
    .map((index) => ({
      name: index.name,
      entity: index.entity,
      tokens: index.tokens.map((token) =>
        index.entity === 'NODE' ? names.labels.nameOf(token) : names.relationshipTypes.nameOf(token),
      ),
      properties: index.properties.map((key) => names.propertyKeys.nameOf(key)),
      type: index.type,
      vector: index.vector,
      fulltext: index.fulltext,
      owningConstraint: index.owningConstraint,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const constraints = store
    .constraints()
    .map((constraint) => ({ ...constraint, id: 0 }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    databaseId: store.databaseId,
    lastCommitTs: options.withClock === false ? 0 : store.lastCommitTs,
    nodes,
    relationships,
    indexes,
    constraints,
  };
}
