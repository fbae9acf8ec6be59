/**
 * The mgbench Pokec query set in two dialects with the same semantics: Quiver (openCypher) and Kuzu.
 * The texts are identical except for two things:
 * - the relationship type is `FRIEND` in Quiver and `Friend` in Kuzu (Kuzu's table name);
 * - Kuzu matches fixed-length patterns as walks (a relationship may be bound twice), Cypher never binds one
 *   relationship twice in a MATCH. The Kuzu texts therefore say `id(ei) <> id(ej)` for the pairs that can
 *   coincide in a graph without self-loops (consecutive same-direction steps can only coincide on a
 *   self-loop, and pokec-data.ts drops those), so both engines return the same rows.
 * Multi-hop expansions return DISTINCT ids, as in mgbench.
 */

/** What a query's goal is measured against (the targets for Quiver ÷ Kuzu). */
export type QueryGroup = 'point lookup' | '1-hop expansion' | 'single write' | 'multi-hop' | 'aggregation';

/** The goals per group: ratio Quiver ÷ Kuzu to reach. */
export const GROUP_GOALS: Readonly<Record<QueryGroup, number>> = {
  'point lookup': 3,
  '1-hop expansion': 3,
  'single write': 3,
  'multi-hop': 1,
  aggregation: 0.5,
};

/** Query parameters: user ids as plain numbers (each side converts to its integer type). */
export type QueryParams = Readonly<Record<string, number>>;

/** Where parameter values come from: ids of existing users, or ids no user has yet. */
export interface ParamSource {
  existing(): number;
  fresh(): number;
}

export interface MgbenchQuery {
  readonly name: string;
  readonly group: QueryGroup;
  readonly quiver: string;
  readonly kuzu: string;
  /** Draws the parameters of one execution. */
  readonly params: (source: ParamSource) => QueryParams;
  /** Writes to the graph (run after every read query, so reads see the generated graph only). */
  readonly writes: boolean;
  /** Expensive per execution: measured in fewer rounds. */
  readonly heavy: boolean;
}

const byId = (source: ParamSource): QueryParams => ({ id: source.existing() });
const noParams = (): QueryParams => ({});
/** Two different existing users (shortestPath refuses equal end points). */
const fromTo = (source: ParamSource): QueryParams => {
  const from = source.existing();
  let to = source.existing();
  for (let attempt = 0; to === from && attempt < 100; attempt++) to = source.existing();
  return { from, to };
};

interface Spec {
  readonly name: string;
  readonly group: QueryGroup;
  readonly quiver: string;
  /** Defaults to the Quiver text. */
  readonly kuzu?: string;
  readonly params?: (source: ParamSource) => QueryParams;
  readonly writes?: boolean;
  readonly heavy?: boolean;
}

const START = 'MATCH (s:User {id: $id})';
const FILTER = 'n.age >= 18';

/** `hops` anonymous steps from s to n, and the Kuzu relationship-uniqueness conditions they need. */
function chain(hops: number): { quiver: string; kuzu: string; distinct: string[] } {
  let quiver = START;
  let kuzu = START;
  const distinct: string[] = [];
  for (let hop = 1; hop <= hops; hop++) {
    const end = hop === hops ? '(n:User)' : '()';
    quiver += `-->${end}`;
    kuzu += `-[e${hop}]->${end}`;
    for (let earlier = 1; earlier <= hop - 2; earlier++) distinct.push(`id(e${earlier}) <> id(e${hop})`);
  }
  return { quiver, kuzu, distinct };
}

function expansion(hops: number, filtered: boolean): Spec {
  const name = `expansion_${hops}${filtered ? '_with_filter' : ''}`;
  const group: QueryGroup = hops === 1 ? '1-hop expansion' : 'multi-hop';
  const returned = hops === 1 ? 'RETURN n.id' : 'RETURN DISTINCT n.id';
  const { quiver, kuzu, distinct } = chain(hops);
  const quiverWhere = filtered ? ` WHERE ${FILTER}` : '';
  const kuzuConditions = [...distinct, ...(filtered ? [FILTER] : [])];
  const kuzuWhere = kuzuConditions.length === 0 ? '' : ` WHERE ${kuzuConditions.join(' AND ')}`;
  return {
    name,
    group,
    quiver: `${quiver}${quiverWhere} ${returned}`,
    kuzu: `${kuzu}${kuzuWhere} ${returned}`,
    heavy: hops >= 3,
  };
}

const SPECS: readonly Spec[] = [
  { name: 'single_vertex_read', group: 'point lookup', quiver: 'MATCH (n:User {id: $id}) RETURN n' },
  {
    name: 'pattern_short',
    group: '1-hop expansion',
    quiver: 'MATCH (n:User {id: $id})-[e]->(m) RETURN m LIMIT 1',
  },
  expansion(1, false),
  expansion(1, true),
  expansion(2, false),
  expansion(2, true),
  expansion(3, false),
  expansion(3, true),
  expansion(4, false),
  expansion(4, true),
  {
    name: 'neighbours_2',
    group: 'multi-hop',
    quiver: 'MATCH (s:User {id: $id})-[*1..2]->(n:User) RETURN DISTINCT n.id',
  },
  {
    name: 'pattern_cycle',
    group: 'multi-hop',
    quiver: 'MATCH (n:User {id: $id})-[e1]->(m)-[e2]->(n) RETURN e1, m, e2',
  },
  {
    name: 'pattern_long',
    group: 'multi-hop',
    quiver: 'MATCH (n1:User {id: $id})-[e1]->(n2)-[e2]->(n3)-[e3]->(n4)<-[e4]-(n5) RETURN n5 LIMIT 1',
    // e3 and e4 share n4 in opposite directions; e1 can reappear as e3 or e4 through a 2-cycle.
    kuzu:
      'MATCH (n1:User {id: $id})-[e1]->(n2)-[e2]->(n3)-[e3]->(n4)<-[e4]-(n5) ' +
      'WHERE id(e1) <> id(e3) AND id(e1) <> id(e4) AND id(e3) <> id(e4) RETURN n5 LIMIT 1',
  },
  {
    name: 'shortest_path',
    group: 'multi-hop',
    quiver: 'MATCH p = shortestPath((a:User {id: $from})-[*..15]->(b:User {id: $to})) RETURN length(p)',
    kuzu: 'MATCH p = (a:User {id: $from})-[* SHORTEST 1..15]->(b:User {id: $to}) RETURN length(p)',
    params: fromTo,
  },
  {
    name: 'aggregate',
    group: 'aggregation',
    quiver: 'MATCH (n:User) RETURN n.age, count(*)',
    params: noParams,
  },
  { name: 'aggregate_count', group: 'aggregation', quiver: 'MATCH (n) RETURN count(n)', params: noParams },
  {
    name: 'min_max_avg',
    group: 'aggregation',
    quiver: 'MATCH (n) RETURN min(n.age), max(n.age), avg(n.age)',
    params: noParams,
  },
  {
    name: 'single_vertex_write',
    group: 'single write',
    quiver: 'CREATE (n:User {id: $id}) RETURN n',
    params: (source) => ({ id: source.fresh() }),
    writes: true,
  },
  {
    name: 'single_edge_write',
    group: 'single write',
    quiver: 'MATCH (a:User {id: $from}), (b:User {id: $to}) CREATE (a)-[:FRIEND]->(b)',
    kuzu: 'MATCH (a:User {id: $from}), (b:User {id: $to}) CREATE (a)-[:Friend]->(b)',
    params: fromTo,
    writes: true,
  },
];

/** The query set, reads first and writes last. */
export const MGBENCH_QUERIES: readonly MgbenchQuery[] = SPECS.map((spec) => ({
  name: spec.name,
  group: spec.group,
  quiver: spec.quiver,
  kuzu: spec.kuzu ?? spec.quiver,
  params: spec.params ?? byId,
  writes: spec.writes ?? false,
  heavy: spec.heavy ?? false,
})).sort((a, b) => Number(a.writes) - Number(b.writes));
