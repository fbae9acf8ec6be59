import type { Expression, Variable } from '../ast/expressions.js';
import type { PatternElement, Pattern } from '../ast/patterns.js';
import type { Clause, Query } from '../ast/statements.js';
import { CompositionError } from './composed-queries.js';

/** `SEARCH variable IN (VECTOR INDEX index FOR query [WHERE filter] LIMIT limit) [SCORE AS score]`. */
export interface VectorSearch {
  readonly pos: number;
  readonly variable: Variable;
  readonly index: string;
  readonly query: Expression;
  readonly filter: Expression | undefined;
  readonly limit: Expression;
  readonly score: Variable | undefined;
}

/** Every candidate `k` the index procedure is asked for; the in-index filter and LIMIT then apply. */
const ALL_NEIGHBOURS = 2_147_483_647n;

/** Whether `name` is a relationship variable of `element` (else it must be a node of it). */
function kindIn(element: PatternElement, name: string): 'NODE' | 'RELATIONSHIP' | undefined {
  if (element.nodes.some((node) => node.variable?.name === name)) return 'NODE';
  for (const connection of element.relationships) {
    if (connection.kind === 'RelationshipPattern') {
      if (connection.variable?.name === name) return 'RELATIONSHIP';
    } else {
      const inner = kindIn(connection.element, name);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/**
 * The CALL that runs a MATCH's SEARCH subclause (Cypher 25, Neo4j 2026.01) before the MATCH itself:
 *
 *   [OPTIONAL] CALL (*) {
 *     CALL db.index.vector.queryNodes('index', 2147483647, query) YIELD node AS v, score AS s WHERE filter
 *     RETURN v, s LIMIT limit
 *   }
 *
 * so the MATCH then only extends the k nearest entities, best first, and its WHERE (before or after
 * SEARCH) and the pattern's own predicates filter them afterwards, as Neo4j specifies. The in-index
 * WHERE filters while searching: the k are the nearest that pass it.
 * @throws CompositionError when the variable is not a node or relationship of the pattern
 */
export function searchCall(pos: number, optional: boolean, pattern: Pattern, search: VectorSearch): Clause {
  const name = search.variable.name;
  let kind: 'NODE' | 'RELATIONSHIP' | undefined;
  for (const part of pattern.parts) kind ??= kindIn(part.element, name);
  if (kind === undefined) {
    throw new CompositionError(
      `The SEARCH variable \`${name}\` must be a node or relationship of the MATCH pattern`,
      search.variable.pos,
    );
  }
  const field = kind === 'NODE' ? 'node' : 'relationship';
  const yielded = [{ pos, field, alias: search.variable }];
  const returned = [{ pos, expression: search.variable, alias: undefined, text: name }];
  if (search.score !== undefined) {
    yielded.push({ pos, field: 'score', alias: search.score });
    returned.push({ pos, expression: search.score, alias: undefined, text: search.score.name });
  }
  const query: Query = {
    kind: 'Query',
    pos,
    unions: [],
    parts: [
      {
        kind: 'SingleQuery',
        pos,
        clauses: [
          {
            kind: 'CallProcedure',
            pos,
            name: kind === 'NODE' ? 'db.index.vector.queryNodes' : 'db.index.vector.queryRelationships',
            args: [
              { kind: 'Literal', pos, value: search.index },
              { kind: 'Literal', pos, value: ALL_NEIGHBOURS },
              search.query,
            ],
            yield: { star: false, items: yielded, where: search.filter },
          },
          {
            kind: 'Return',
            pos,
            projection: {
              distinct: false,
              star: false,
              items: returned,
              orderBy: undefined,
              skip: undefined,
              limit: search.limit,
            },
          },
        ],
      },
    ],
  };
  return { kind: 'CallSubquery', pos: search.pos, query, optional, scope: '*', inTransactions: undefined };
}
