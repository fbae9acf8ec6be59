import { hashKey, type CypherValue } from '../../values/index.js';
import type { Constraint } from '../constraints/constraint-registry.js';
import { hasLabel } from '../graph/label-sets.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
import type { PropertyIndex } from '../indexes/property-index.js';
import type { Snapshot } from '../mvcc/visibility.js';
import { checkShape } from './constraint-checks.js';
import type { GraphState } from './graph-state.js';
import { isNodeVisible, readNodeLabels, readNodeProperties } from './node-reads.js';
import { isRelationshipVisible, readRelationshipProperties } from './relationship-reads.js';
import type { StoreContext } from './store-context.js';

/** Problems beyond this many are summarised, so a badly damaged store gives a readable report. */
const MAX_PROBLEMS = 100;

/**
 * Checks the invariants of a store against its newest committed data (for recovery and `quiver check`):
 * every relationship's endpoints exist; adjacency lists and relationships agree both ways; the label and
 * type indexes hold every entity with the token; every ONLINE property index holds exactly the keys of the
 * entities it covers; every constraint holds. Returns the problems found, as messages (empty when sound).
 * Meant for a quiescent store (after recovery); with transactions running it reads a consistent snapshot
 * but skips entries that belong to uncommitted or not-yet-collected versions.
 */
export function verifyStoreConsistency(context: StoreContext): string[] {
  const { state, manager } = context;
  const tx = manager.begin(true);
  const problems: string[] = [];
  const report = (message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
    else if (problems.length === MAX_PROBLEMS) problems.push('… and more problems (listing stops here)');
  };
  try {
    checkRelationships(state, tx, report);
    checkNodes(state, tx, report);
    for (const index of state.indexes.list()) {
      if (index.state === 'ONLINE') checkIndex(state, tx, index, report);
    }
    for (const constraint of state.constraints.list()) checkConstraint(state, tx, constraint, report);
  } finally {
    tx.status = 'COMMITTED';
    manager.end(tx);
    context.collectGarbage();
  }
  return problems;
}

type Report = (message: string) => void;

function checkRelationships(state: GraphState, tx: Snapshot, report: Report): void {
  const { relationships, tokens } = state;
  for (let id = 0; id < relationships.highWaterMark; id++) {
    if (!isRelationshipVisible(state, tx, id, 'OLD')) continue;
    const type = relationships.type[id] ?? -1;
    const start = relationships.start[id] ?? -1;
    const end = relationships.end[id] ?? -1;
    if (!tokens.relationshipTypes.has(type)) report(`Relationship ${id} has unknown type token ${type}`);
    if (!isNodeVisible(state, tx, start, 'OLD')) report(`Relationship ${id} starts at missing node ${start}`);
    if (!isNodeVisible(state, tx, end, 'OLD')) report(`Relationship ${id} ends at missing node ${end}`);
    if (!listHolds(state, start, 0, type, id, end))
      report(`Relationship ${id} is missing from the outgoing list of node ${start}`);
    if (!listHolds(state, end, 1, type, id, start))
      report(`Relationship ${id} is missing from the incoming list of node ${end}`);
    if (!state.typeIndex.has(type, id)) report(`Relationship ${id} is missing from the type index`);
    checkTokens(state, `Relationship ${id}`, readRelationshipProperties(state, tx, id, 'OLD'), report);
  }
}

function checkNodes(state: GraphState, tx: Snapshot, report: Report): void {
  const { nodes, relationships, adjacency, tokens } = state;
  for (let id = 0; id < nodes.highWaterMark; id++) {
    if (!isNodeVisible(state, tx, id, 'OLD')) continue;
    const labels = readNodeLabels(state, tx, id, 'OLD');
    for (const label of labels) {
      if (!tokens.labels.has(label)) report(`Node ${id} has unknown label token ${label}`);
      if (!state.labelIndex.has(label, id)) report(`Node ${id} is missing from the index of label ${label}`);
    }
    checkTokens(state, `Node ${id}`, readNodeProperties(state, tx, id, 'OLD'), report);
    // Each visible adjacency entry must describe its relationship exactly.
    for (const side of [0, 1] as const) {
      for (
        let header = adjacency.firstHeader(id, side);
        header !== -1;
        header = adjacency.headerNext[header] ?? -1
      ) {
        const page = adjacency.pageOfHeader(header);
        const offset = adjacency.headerOffset[header] ?? 0;
        const type = adjacency.headerType[header] ?? -1;
        for (let entry = 0; entry < (adjacency.headerLength[header] ?? 0); entry++) {
          const relationship = page[offset + entry * 2] ?? -1;
          const other = page[offset + entry * 2 + 1] ?? -1;
          if (!relationships.isInUse(relationship)) {
            report(`Node ${id} lists relationship ${relationship}, which does not exist`);
            continue;
          }
          if (!isRelationshipVisible(state, tx, relationship, 'OLD')) continue;
          const [self, far] = side === 0 ? ['start', 'end'] : ['end', 'start'];
          const selfId = (side === 0 ? relationships.start : relationships.end)[relationship];
          const farId = (side === 0 ? relationships.end : relationships.start)[relationship];
          if (selfId !== id || farId !== other || relationships.type[relationship] !== type) {
            report(`Node ${id} lists relationship ${relationship} with a wrong ${self}, ${far} or type`);
          }
        }
      }
    }
  }
}

function checkTokens(
  state: GraphState,
  what: string,
  properties: PropertyMap | undefined,
  report: Report,
): void {
  if (properties === undefined) return;
  for (let index = 0; index < properties.length; index += 2) {
    const key = properties[index] as number;
    if (!state.tokens.propertyKeys.has(key)) report(`${what} has unknown property key token ${key}`);
  }
}

/** Whether `node`'s list on `side` for `type` holds `relationship` pointing at `other`. */
function listHolds(
  state: GraphState,
  node: number,
  side: 0 | 1,
  type: number,
  relationship: number,
  other: number,
): boolean {
  const { adjacency } = state;
  const header = adjacency.findHeader(node, side, type);
  if (header === -1) return false;
  const page = adjacency.pageOfHeader(header);
  const offset = adjacency.headerOffset[header] ?? 0;
  for (let entry = 0; entry < (adjacency.headerLength[header] ?? 0); entry++) {
    if (page[offset + entry * 2] === relationship) return page[offset + entry * 2 + 1] === other;
  }
  return false;
}

/** The index holds the key of every covered entity, and no entry of a settled entity lacks one. */
function checkIndex(state: GraphState, tx: Snapshot, index: PropertyIndex, report: Report): void {
  const isNode = index.entity === 'NODE';
  const table = isNode ? state.nodes : state.relationships;
  const entries = new Map<number, CypherValue[]>();
  index.entries.forEach((value, id) => {
    const list = entries.get(id);
    if (list === undefined) entries.set(id, [value]);
    else list.push(value);
  });
  const keysOf = (properties: PropertyMap | undefined): CypherValue[] => {
    const keys: CypherValue[] = [];
    index.forEachKey(properties, (key) => keys.push(key));
    return keys;
  };
  const covered = (id: number): CypherValue[] => {
    if (isNode) {
      if (!isNodeVisible(state, tx, id, 'OLD') || !index.coversLabels(readNodeLabels(state, tx, id, 'OLD')))
        return [];
      return keysOf(readNodeProperties(state, tx, id, 'OLD'));
    }
    if (!isRelationshipVisible(state, tx, id, 'OLD') || !index.coversType(state.relationships.type[id] ?? -1))
      return [];
    return keysOf(readRelationshipProperties(state, tx, id, 'OLD'));
  };
  const what = isNode ? 'Node' : 'Relationship';
  for (let id = 0; id < table.highWaterMark; id++) {
    const keys = new Set(covered(id).map(hashKey));
    const held = entries.get(id);
    const heldKeys = new Set(held?.map(hashKey));
    if ([...keys].some((key) => !heldKeys.has(key))) {
      report(`${what} ${id} is missing from index '${index.name}'`);
    }
    // An entity without pending versions has exactly the entries of its newest version.
    if (held !== undefined && table.deltas[id] === undefined) {
      const stale = held.filter((value) => !keys.has(hashKey(value)));
      if (stale.length > 0)
        report(`Index '${index.name}' holds ${stale.length} stale entries for ${what.toLowerCase()} ${id}`);
    }
  }
  for (const id of entries.keys()) {
    if (
      id >= table.highWaterMark ||
      (isNode ? state.nodes.labels[id] === undefined : !state.relationships.isInUse(id))
    )
      report(`Index '${index.name}' holds an entry for ${what.toLowerCase()} ${id}, which does not exist`);
  }
}

/** Every covered entity has the shape the constraint requires, and unique keys are unique. */
function checkConstraint(state: GraphState, tx: Snapshot, constraint: Constraint, report: Report): void {
  const { definition } = constraint;
  const isNode = definition.entity === 'NODE';
  const table = isNode ? state.nodes : state.relationships;
  const tokenName = (isNode ? state.tokens.labels : state.tokens.relationshipTypes).has(definition.token)
    ? (isNode ? state.tokens.labels : state.tokens.relationshipTypes).nameOf(definition.token)
    : String(definition.token);
  const seen = new Map<string, number>();
  for (let id = 0; id < table.highWaterMark; id++) {
    let properties: PropertyMap | undefined;
    if (isNode) {
      if (
        !isNodeVisible(state, tx, id, 'OLD') ||
        !hasLabel(readNodeLabels(state, tx, id, 'OLD'), definition.token)
      )
        continue;
      properties = readNodeProperties(state, tx, id, 'OLD');
    } else {
      if (!isRelationshipVisible(state, tx, id, 'OLD') || state.relationships.type[id] !== definition.token)
        continue;
      properties = readRelationshipProperties(state, tx, id, 'OLD');
    }
    const shape = checkShape(
      state,
      constraint,
      { entity: definition.entity, id, token: tokenName },
      properties,
    );
    if (shape !== undefined) report(`Constraint '${definition.name}' is violated: ${shape}`);
    if (definition.kind !== 'UNIQUENESS' && definition.kind !== 'KEY') continue;
    const values: CypherValue[] = [];
    for (const key of definition.properties) {
      const value = getProperty(properties, key);
      if (value !== undefined) values.push(value);
    }
    if (values.length < definition.properties.length) continue;
    const signature = hashKey(values);
    const first = seen.get(signature);
    if (first !== undefined) {
      report(`Constraint '${definition.name}' is violated: entities ${first} and ${id} have the same key`);
    } else {
      seen.set(signature, id);
    }
  }
}
