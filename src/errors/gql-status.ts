/**
 * The registry of GQLSTATUS codes Quiver sends: the outcome statuses, the notification statuses and the
 * error statuses (each error either as a `Status`' own GQLSTATUS or as a more specific `cause`). Subconditions,
 * classifications and message templates follow Neo4j's `GqlStatusInfoCodes` and docs-status-codes
 * (`errors/gql-errors/*.adoc`). Keys are the codes themselves, so `GqlStatus['42I06']` reads like the wire.
 * `status.test.ts` checks the registry and keeps `docs/errors.md` in sync with it.
 */
import { defineGqlStatus as gql } from './gql-status-definition.js';

const CLIENT = 'CLIENT_ERROR';
const TRANSIENT = 'TRANSIENT_ERROR';
const DATABASE = 'DATABASE_ERROR';
/** Neo4j leaves these unclassified; the classification of the Neo4j status code applies. */
const UNKNOWN = undefined;
const TERMINATED =
  'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. Reason: { $msg }';

// One entry per line: this is a table, and wrapping each call over six lines would hide its shape.
// prettier-ignore
export const GqlStatus = {
  // Outcome of a successful query (Bolt 5.6+ `statuses`).
  '00000': gql('00000', '', UNKNOWN),
  '00001': gql('00001', 'omitted result', UNKNOWN),
  '02000': gql('02000', '', UNKNOWN),

  // Notifications: warnings (01) and information (03).
  '01N00': gql('01N00', 'feature deprecated', 'DEPRECATION', '{ $item }'),
  '01N01': gql('01N01', 'feature deprecated with replacement', 'DEPRECATION', '{ $feat1 } is deprecated. It is replaced by { $feat2 }.'),
  '01N02': gql('01N02', 'feature deprecated without replacement', 'DEPRECATION', '{ $feat } is deprecated and will be removed without a replacement.'),
  '01N30': gql('01N30', 'join hint unfulfillable', 'HINT', "Unable to create a plan with 'JOIN ON { $variableList }'. Try to change the join key(s) or restructure your query."),
  '01N31': gql('01N31', 'hinted index does not exist', 'HINT', 'Unable to create a plan with { $idxDescr } because the index does not exist.'),
  '01N40': gql('01N40', 'unsupported runtime', 'UNSUPPORTED', 'The query cannot be executed with { $preparserInput1 }; instead, { $preparserInput2 } is used. Cause: { $msg }.'),
  '01N50': gql('01N50', 'label does not exist', 'UNRECOGNIZED', 'The label { $label } does not exist in database { $db }. Verify that the spelling is correct.'),
  '01N51': gql('01N51', 'relationship type does not exist', 'UNRECOGNIZED', 'The relationship type { $relType } does not exist in database { $db }. Verify that the spelling is correct.'),
  '01N52': gql('01N52', 'property key does not exist', 'UNRECOGNIZED', 'The property { $propKey } does not exist in database { $db }. Verify that the spelling is correct.'),
  '01N60': gql('01N60', 'parameter missing', 'GENERIC', "The query plan cannot be cached and is not executable without 'EXPLAIN' due to the undefined parameter(s) { $paramList }. Provide the parameter(s)."),
  '01N61': gql('01N61', 'unsatisfiable relationship type expression', 'GENERIC', 'The expression { $labelExpr } cannot be satisfied because relationships must have exactly one type.'),
  '01N62': gql('01N62', 'procedure or function execution warning', 'GENERIC', 'Execution of the procedure { $proc } generated the warning { $msg }'),
  '01N63': gql('01N63', 'repeated relationship pattern variable', 'GENERIC', '{ $variable } is repeated in { $pat }, which leads to no results.'),
  '03N60': gql('03N60', 'subquery variable shadowing', 'GENERIC', "The variable { $variable } in the subquery uses the same name as a variable from the outer query. Use '{ $clause } ({ $variable })' to import the one from the outer scope unless you want it to be a new variable."),
  '03N90': gql('03N90', 'cartesian product', 'PERFORMANCE', 'The disconnected pattern { $pat } builds a cartesian product. A cartesian product may produce a large amount of data and slow down query processing.'),
  '03N91': gql('03N91', 'unbounded variable length pattern', 'PERFORMANCE', "The provided pattern { $pat } is unbounded. Shortest path with an unbounded pattern may result in long execution times. Use an upper limit (e.g. '[*..5]') on the number of node hops in your pattern."),
  '03N92': gql('03N92', 'exhaustive shortest path', 'PERFORMANCE', "The query runs with exhaustive shortest path due to the existential predicate(s) { $predList }. It may be possible to use 'WITH' to separate the 'MATCH' from the existential predicate(s)."),
  '03N93': gql('03N93', 'no applicable index', 'PERFORMANCE', "'LOAD CSV' in combination with 'MATCH' or 'MERGE' on a label that does not have an index may result in long execution times. Consider adding an index for label { $label }."),
  '03N94': gql('03N94', 'eager operator', 'PERFORMANCE', "The query execution plan contains the 'Eager' operator. 'LOAD CSV' in combination with 'Eager' can consume a lot of memory."),
  '03N95': gql('03N95', 'dynamic property', 'PERFORMANCE', 'An index already exists on the relationship type or the label(s) { $labelList }. It is not possible to use indexes for dynamic properties. Consider using static properties.'),

  // 08: connection exception (Bolt requests, routing, bookmarks).
  '08N03': gql('08N03', 'failed to write to graph', CLIENT, 'Failed to write to graph { $graph }. Check the defined access mode in both driver and database.'),
  '08N06': gql('08N06', 'protocol error', CLIENT, 'General network protocol error.'),
  '08N07': gql('08N07', 'not the leader', CLIENT, 'This member is not the leader.'),
  '08N08': gql('08N08', 'database is read only', CLIENT, 'This database is read only on this server.'),
  '08N09': gql('08N09', 'database unavailable', TRANSIENT, 'The database { $db } is currently unavailable. Check the database status. Retry your request at a later time.'),
  '08N10': gql('08N10', 'invalid server state', CLIENT, 'Message { $msg } cannot be handled by session in the { $boltServerState } state.'),
  '08N11': gql('08N11', 'request error', CLIENT, 'The request is invalid and could not be processed by the server. See cause for further details.'),
  '08N12': gql('08N12', 'failed to parse bookmark', CLIENT, 'Failed to parse the supplied bookmark. Verify it is correct or check the debug log for more information.'),
  '08N13': gql('08N13', 'database not up to requested bookmark', TRANSIENT, 'The database { $db } is not up to the requested bookmark { $transactionId1 }. The latest transaction ID is { $transactionId2 }.'),

  // 22: data exception (values, arguments, schema).
  '22000': gql('22000', '', CLIENT),
  '22003': gql('22003', 'numeric value out of range', CLIENT, 'The numeric value { $value } is outside the required range.'),
  '22012': gql('22012', 'division by zero', CLIENT),
  '22G03': gql('22G03', 'invalid value type', CLIENT),
  '22G04': gql('22G04', 'values not comparable', CLIENT),
  '22N00': gql('22N00', 'unsupported value', CLIENT, 'The provided value is unsupported and cannot be processed.'),
  '22N01': gql('22N01', 'invalid type', CLIENT, 'Expected the value { $value } to be of type { $valueTypeList }, but was of type { $valueType }.'),
  '22N02': gql('22N02', 'specified negative numeric value', CLIENT, 'Expected { $option } to be a positive number but found { $value } instead.'),
  '22N03': gql('22N03', 'specified numeric value out of range', CLIENT, 'Expected { $component } to be of type { $valueType } and in the range { $lower } to { $upper } but found { $value }.'),
  '22N04': gql('22N04', 'invalid input value', CLIENT, 'Invalid input { $input } for { $context }. Expected { $inputList }.'),
  '22N11': gql('22N11', 'invalid argument', CLIENT, 'Invalid argument: cannot process { $input }.'),
  '22N27': gql('22N27', 'invalid entity type', CLIENT, 'Invalid input { $input } for { $context }. Expected to be { $valueTypeList }.{ $hint }'),
  '22N28': gql('22N28', 'overflow error', CLIENT, 'The result of the operation { $operation } has caused an overflow.'),
  '22N38': gql('22N38', 'invalid function argument', CLIENT, 'Invalid argument to the function { $value }.'),
  '22N39': gql('22N39', 'unsupported property value type', CLIENT, 'Value { $value } cannot be stored in properties.'),
  '22N43': gql('22N43', 'unable to load external resource', CLIENT, 'Could not load external resource from { $url }.'),
  '22N51': gql('22N51', 'graph reference not found', CLIENT, 'A graph reference with the name { $db } was not found. Verify that the spelling is correct.'),
  '22N54': gql('22N54', 'invalid map', CLIENT, 'Multiple conflicting entries specified for { $mapKey }.'),
  '22N56': gql('22N56', 'protocol message length limit overflow', CLIENT, 'Protocol message length limit exceeded (limit: { $boltMsgLenLimit }).'),
  '22N57': gql('22N57', 'invalid protocol type', CLIENT, 'Protocol type is invalid. Invalid number of struct components (received { $count1 } but expected { $count2 }).'),
  '22N64': gql('22N64', 'constraint does not exist', CLIENT, 'The constraint { $constrDescrOrName } does not exist.'),
  '22N65': gql('22N65', 'equivalent constraint already exists', CLIENT, 'An equivalent constraint already exists: { $constrDescrOrName }'),
  '22N67': gql('22N67', 'duplicated constraint name', CLIENT, 'A constraint with the same name already exists: { $constr }'),
  '22N69': gql('22N69', 'index does not exist', CLIENT, 'The index { $idxDescrOrName } does not exist.'),
  '22N70': gql('22N70', 'equivalent index already exists', CLIENT, 'An equivalent index already exists: { $idxDescrOrName }'),
  '22N71': gql('22N71', 'duplicated index name', CLIENT, 'An index with the same name already exists: { $idx }'),
  '22N77': gql('22N77', 'property presence verification failed', CLIENT, '{ $entityType } ({ $entityId }) with { $tokenType } { $token } must have the following properties: { $propKeyList }.'),
  '22N78': gql('22N78', 'property type verification failed', CLIENT, '{ $entityType } ({ $entityId }) with { $tokenType } { $token } must have the property { $propKey } with value type { $valueType }.'),
  '22N79': gql('22N79', 'property uniqueness constraint violated', CLIENT, 'Property uniqueness constraint violated: { $reasonList }.'),
  '22N97': gql('22N97', 'unexpected struct tag', CLIENT, 'Unexpected struct tag: { $value }.'),
  '22NBC': gql('22NBC', 'index belongs to constraint', CLIENT, 'Index belongs to constraint { $constrDescrOrName }.'),

  // 25: invalid transaction state; 2D: invalid transaction termination; 40: transaction rollback.
  '25N01': gql('25N01', 'invalid combination of statement types', CLIENT, 'Failed to execute the query { $query } due to conflicting statement types (read query, write query, schema modification, or administration command). To execute queries in the same transaction, they must be either of the same type, or be a combination of schema modifications and read commands.'),
  '25N06': gql('25N06', 'transaction start failed', DATABASE, 'Failed to start transaction. See debug log for details.'),
  '25N11': gql('25N11', 'conflicting transaction state', TRANSIENT, 'There was a conflict detected between the transaction state and applied updates. Please retry the transaction.'),
  '25N13': gql('25N13', 'cannot access entity after removal', CLIENT, 'A { $entityType } was accessed after being deleted in this transaction. Verify the transaction statements.'),
  '25N14': gql('25N14', 'transaction termination client error', CLIENT, TERMINATED),
  '25N15': gql('25N15', 'transaction termination database error', DATABASE, TERMINATED),
  '25N16': gql('25N16', 'transaction termination transient error', TRANSIENT, TERMINATED),
  '25N17': gql('25N17', 'implicit transaction required', DATABASE, 'The attempted operation requires an implicit transaction.'),
  '2DN01': gql('2DN01', 'commit failed', DATABASE, 'Failed to commit transaction.'),
  '2DN06': gql('2DN06', 'failed to append transaction', DATABASE, 'There was an error on appending the transaction. See logs for more information.'),
  '40N01': gql('40N01', 'rollback failed', DATABASE, 'Failed to rollback transaction. See debug log for details.'),

  // 42: syntax error or access rule violation (Cypher, parameters, security).
  '42001': gql('42001', 'invalid syntax', CLIENT),
  '42I02': gql('42I02', 'invalid comment', CLIENT, "Failed to parse comment. A comment starting with '/*' must also have a closing '*/'."),
  '42I03': gql('42I03', 'empty request', CLIENT, 'A Cypher query has to contain at least one clause.'),
  '42I06': gql('42I06', 'invalid input', CLIENT, 'Invalid input { $input }, expected: { $valueList }.'),
  '42I24': gql('42I24', 'invalid use of aggregate function', CLIENT, 'Aggregate expression { $expr } is not allowed in this context.'),
  '42I37': gql('42I37', 'invalid use of RETURN *', CLIENT, "'RETURN *' is not allowed when there are no variables in scope."),
  '42N00': gql('42N00', 'graph reference not found', CLIENT, 'A graph reference with the name { $db } was not found. Verify that the spelling is correct.'),
  '42N02': gql('42N02', 'writing in read access mode', CLIENT, 'Writing in read access mode not allowed.'),
  '42N08': gql('42N08', 'no such procedure', CLIENT, 'The procedure { $procFun } was not found. Verify that the spelling is correct.'),
  '42N11': gql('42N11', 'graph reference already exists', CLIENT, 'A graph reference with the name { $dbList } already exists.'),
  '42N21': gql('42N21', 'unaliased return item', CLIENT, 'Expression in { $context } must be aliased (use AS).'),
  '42N38': gql('42N38', 'duplicate return item name', CLIENT, 'Return items must have unique names.'),
  '42N45': gql('42N45', 'unexpected end of input', CLIENT, "Unexpected end of input, expected 'CYPHER', 'EXPLAIN', 'PROFILE' or a query."),
  '42N48': gql('42N48', 'no such function', CLIENT, 'The function { $fun } was not found. Verify that the spelling is correct.'),
  '42N51': gql('42N51', 'invalid parameter', CLIENT, 'Invalid parameter { $param }.'),
  '42N59': gql('42N59', 'variable already defined', CLIENT, 'Variable { $variable } already declared.'),
  '42N62': gql('42N62', 'variable not defined', CLIENT, 'Variable { $variable } not defined.'),
  '42N81': gql('42N81', 'missing request parameter', CLIENT, 'Expected { $paramList1 }, but got { $paramList2 }.'),
  '42NFD': gql('42NFD', 'credentials expired', CLIENT, 'Permission denied. The credentials you provided were valid, but must be changed before you can use this instance.'),
  '42NFE': gql('42NFE', 'auth info expired', CLIENT, 'Authentication and/or authorization info expired.'),
  '42NFF': gql('42NFF', 'permission/access denied', CLIENT, 'Access denied, see the security logs for details.'),

  // 50: general processing exception; 51: system configuration or operation; 52: procedure exception.
  '50N00': gql('50N00', 'internal error', UNKNOWN, 'Internal exception raised { $msgTitle }: { $msg }'),
  '50N05': gql('50N05', 'deadlock detected', TRANSIENT, 'Deadlock detected while trying to acquire locks. See log for more details.'),
  '50N10': gql('50N10', 'index drop failed', DATABASE, 'Unable to drop { $idxDescrOrName }.'),
  '50N11': gql('50N11', 'constraint creation failed', DATABASE, 'Unable to create { $constrDescrOrName }.'),
  '50N42': gql('50N42', 'unexpected error', UNKNOWN, 'Unexpected error has occurred. See debug log for details.'),
  '51N28': gql('51N28', 'not supported by this database', CLIENT, 'This Cypher command must be executed against the database { $db }.'),
  '51N31': gql('51N31', 'not supported', CLIENT, '{ $feat } is not supported in { $context }.'),
  '51N36': gql('51N36', 'out of memory', TRANSIENT, 'There is not enough memory to perform the current task.'),
  '51N37': gql('51N37', 'stack overflow', TRANSIENT, 'There is not enough stack size to perform the current task.'),
  '51N38': gql('51N38', 'failed to acquire execution thread', TRANSIENT, 'There are insufficient threads available for executing the current task.'),
  '51N59': gql('51N59', 'internal resource exhaustion', TRANSIENT, 'The DBMS is unable to handle the request, please retry later or contact the system operator. More information is present in the logs.'),
  '51N72': gql('51N72', 'memory pool out of memory', TRANSIENT, 'Failed to allocate memory in a memory pool. See { $cfgSetting } in the neo4j.conf file.'),
  '51N73': gql('51N73', 'transaction memory limit reached', CLIENT, 'The transaction uses more memory than it is allowed. The maximum allowed size for a transaction can be configured with { $cfgSetting } in the neo4j.conf file.'),
  '51N74': gql('51N74', 'maximum number of transactions reached', TRANSIENT, 'Failed to start a new transaction. The limit of concurrent transactions is reached. Increase the number of concurrent transactions using { $cfgSetting } in the neo4j.conf file.'),
  '52N37': gql('52N37', 'procedure execution error', UNKNOWN, 'Execution of the procedure { $proc } failed.'),
} as const;

/** A GQLSTATUS Quiver knows, such as `'42I06'`. */
export type GqlStatusCode = keyof typeof GqlStatus;

/**
 * A GQLSTATUS that reports an error. Success, warning, no-data and information codes all start with 00–03;
 * excluding them at the type level stops an error from carrying a notification's status.
 */
export type GqlErrorStatusCode = Exclude<GqlStatusCode, `0${'0' | '1' | '2' | '3'}${string}`>;

/** Every registry entry, in declaration order. */
export const ALL_GQL_STATUSES = Object.values(GqlStatus);

/** The registry entry for a code, or `undefined` when Quiver does not know it (e.g. one a client sent). */
export function findGqlStatus(code: string): (typeof GqlStatus)[GqlStatusCode] | undefined {
  return Object.hasOwn(GqlStatus, code) ? GqlStatus[code as GqlStatusCode] : undefined;
}
