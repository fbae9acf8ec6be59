import type { StoreTransaction } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from './context.js';
import { StoreEntities } from './store-entities.js';

/** Where database hits are added up: the figures of one operator. */
export interface HitSink {
  dbHits: number;
}

/**
 * PROFILE's database hits (Neo4j's "abstract unit of storage engine work"): every request an operator makes
 * to the store counts one: a node, relationship, label or property read, an existence check, each entity a
 * scan, seek or expand returns (plus one for opening it), each property a property walk visits, and each
 * write. Hits go to `sink`, which the plan runner points at the operator whose cursor is running, so that
 * each operator reports its own hits and not its inputs'. Only PROFILE creates one; other statements read
 * the store directly and pay nothing.
 */
export class DbHitCounter {
  /** The operator being charged; hits outside any operator go nowhere. */
  sink: HitSink = { dbHits: 0 };

  /** Charges `sink` from now on and returns the previous one (to restore with `leave`). */
  enter(sink: HitSink): HitSink {
    const previous = this.sink;
    this.sink = sink;
    return previous;
  }

  leave(previous: HitSink): void {
    this.sink = previous;
  }
}

/** Store calls that cost one hit each. */
const POINT_CALLS: ReadonlySet<string> = new Set([
  'nodeExists',
  'nodeLabels',
  'nodeHasLabel',
  'nodeProperty',
  'nodeByElementId',
  'relationshipExists',
  'relationshipType',
  'relationshipStart',
  'relationshipEnd',
  'relationshipProperty',
  'relationshipByElementId',
  'degree',
  'createNode',
  'deleteNode',
  'detachDeleteNode',
  'addLabel',
  'removeLabel',
  'setNodeProperty',
  'removeNodeProperty',
  'createRelationship',
  'deleteRelationship',
  'setRelationshipProperty',
  'removeRelationshipProperty',
]);

/** Store calls that return a cursor: one hit to open it, one per entity it returns. */
const CURSOR_CALLS: ReadonlySet<string> = new Set([
  'scanNodes',
  'scanNodesByLabel',
  'scanRelationships',
  'scanRelationshipsByType',
  'seekNodes',
  'seekRelationships',
  'expand',
]);

/** Property walks: one hit per property visited. */
const WALK_CALLS: ReadonlySet<string> = new Set(['forEachNodeProperty', 'forEachRelationshipProperty']);

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * `context` with its transaction (and the live entities over it) replaced by one that counts hits into
 * `counter`. The counting wrapper is a Proxy: slow, which only PROFILE pays.
 */
export function countingContext(context: ExecutionContext, counter: DbHitCounter): ExecutionContext {
  const tx = countingTransaction(context.tx, counter);
  const entities = new StoreEntities(tx, context.tokens, context.entities.databaseId);
  return { ...context, tx, entities };
}

function countingTransaction(tx: StoreTransaction, counter: DbHitCounter): StoreTransaction {
  const wrappers = new Map<PropertyKey, AnyFunction>();
  // Expand reuses its cursor: the caller hands back the counting wrapper, the store needs its own cursor.
  const unwrap = new WeakMap<object, object>();
  const wrap = (name: string, method: AnyFunction): AnyFunction => {
    if (POINT_CALLS.has(name)) {
      return (...args) => {
        counter.sink.dbHits++;
        return method.apply(tx, args);
      };
    }
    if (WALK_CALLS.has(name)) {
      return (id, visit, ...rest) =>
        method.call(
          tx,
          id,
          (key: number, value: CypherValue) => {
            counter.sink.dbHits++;
            (visit as (key: number, value: CypherValue) => void)(key, value);
          },
          ...rest,
        );
    }
    if (CURSOR_CALLS.has(name)) {
      return (...args) => {
        counter.sink.dbHits++;
        if (name === 'expand' && typeof args[4] === 'object' && args[4] !== null) {
          args[4] = unwrap.get(args[4]) ?? args[4];
        }
        const cursor = method.apply(tx, args) as object;
        const counted = countingCursor(cursor, counter);
        unwrap.set(counted, cursor);
        return counted;
      };
    }
    return method.bind<AnyFunction>(tx);
  };
  return new Proxy(tx, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let wrapper = wrappers.get(property);
      if (wrapper === undefined) {
        wrapper = wrap(String(property), value as AnyFunction);
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

/** A cursor whose `next()` counts a hit for each entity it returns (-1 ends a cursor). */
function countingCursor(cursor: object, counter: DbHitCounter): object {
  let next: (() => number) | undefined;
  return new Proxy(cursor, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'next') return (value as AnyFunction).bind(target);
      next ??= () => {
        const id = (value as () => number).call(target);
        if (id !== -1) counter.sink.dbHits++;
        return id;
      };
      return next;
    },
  });
}
