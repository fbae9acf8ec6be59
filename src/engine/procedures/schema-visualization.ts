import type { ExecutionContext, ProcedureDefinition } from '../../execution/index.js';
import type { GraphStore } from '../../storage/index.js';
import { Node, Relationship, type CypherMap } from '../../values/index.js';

/**
 * `db.schema.visualization()`: one virtual node per label in use and one virtual relationship per
 * (start label, type, end label) seen. Virtual entities get negative ids, as in Neo4j, so they can never be
 * mistaken for stored ones.
 */
export function schemaVisualization(store: GraphStore): ProcedureDefinition {
  return {
    name: 'db.schema.visualization',
    description:
      'Visualizes the schema of the data based on available statistics. A new node is returned for each label. ' +
      'The properties represented on the node include: `name` (label name), `indexes` (list of indexes), and ' +
      '`constraints` (list of constraints). A relationship of a given type is returned for all possible ' +
      'combinations of start and end nodes.',
    mode: 'READ',
    inputs: [],
    outputs: [
      { name: 'nodes', type: 'LIST? OF NODE?' },
      { name: 'relationships', type: 'LIST? OF RELATIONSHIP?' },
    ],
    call: (_args, context: ExecutionContext): CypherMap[] => {
      const { tx, tokens } = context;
      const nodes = new Map<number, Node>();
      let nextId = -1n;
      for (const [token, name] of tokens.labels.entries()) {
        if (tx.scanNodesByLabel(token).next() === -1) continue;
        const indexes = store
          .indexes()
          .filter((index) => index.entity === 'NODE' && index.token === token)
          .map((index) => index.properties.map((key) => tokens.propertyKeys.nameOf(key)).join(','));
        const constraints = store
          .constraints()
          .filter((constraint) => constraint.entity === 'NODE' && constraint.token === token)
          .map((constraint) => constraint.name);
        nodes.set(
          token,
          new Node({ id: nextId--, labels: [name], properties: { name, indexes, constraints } }),
        );
      }
      const relationships = new Map<string, Relationship>();
      const cursor = tx.scanRelationships();
      for (let id = cursor.next(); id !== -1; id = cursor.next()) {
        const type = tokens.relationshipTypes.nameOf(tx.relationshipType(id));
        for (const start of tx.nodeLabels(tx.relationshipStart(id))) {
          for (const end of tx.nodeLabels(tx.relationshipEnd(id))) {
            const key = `${String(start)}:${type}:${String(end)}`;
            const from = nodes.get(start);
            const to = nodes.get(end);
            if (relationships.has(key) || from === undefined || to === undefined) continue;
            relationships.set(
              key,
              new Relationship({
                id: nextId--,
                startNodeId: from.id,
                endNodeId: to.id,
                type,
                properties: { name: type },
              }),
            );
          }
        }
      }
      return [{ nodes: [...nodes.values()], relationships: [...relationships.values()] }];
    },
  };
}
