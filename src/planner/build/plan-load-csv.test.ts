import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parse } from '../../cypher/index.js';
import { EMPTY_CATALOG } from '../catalog-view.js';
import type { PhysicalPlan } from '../plan/physical-plan.js';
import { planQuery } from '../plan-query.js';
import { FILE_VARIABLE, isGraphFreeCsvPipeline, LINENUMBER_VARIABLE } from './plan-load-csv.js';

function planOf(query: string): PhysicalPlan {
  return planQuery(analyze(parse(query), query), EMPTY_CATALOG).root;
}

/** Operator kinds from the root down the `source` chain. */
function chain(plan: PhysicalPlan): string[] {
  const kinds: string[] = [];
  for (let node: PhysicalPlan | undefined = plan; node !== undefined;) {
    kinds.push(node.kind);
    node = 'source' in node ? node.source : undefined;
  }
  return kinds;
}

function find(plan: PhysicalPlan, kind: string): PhysicalPlan | undefined {
  if (plan.kind === kind) return plan;
  const children: unknown[] = Object.values(plan);
  for (const child of children) {
    if (
      typeof child === 'object' &&
      child !== null &&
      typeof (child as { kind?: unknown }).kind === 'string'
    ) {
      const found = find(child as PhysicalPlan, kind);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Variable names referenced anywhere in the plan's expressions. */
function variablesIn(plan: PhysicalPlan): Set<string> {
  const names = new Set<string>();
  JSON.stringify(plan, (key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Map) return [...(value as Map<unknown, unknown>).keys()];
    const record = value as { kind?: unknown; name?: unknown } | null;
    if (record?.kind === 'Variable' && typeof record.name === 'string') names.add(record.name);
    return value;
  });
  return names;
}

describe('planning LOAD CSV', () => {
  it('plans a LoadCSV operator that binds the row, its line number and its file', () => {
    const plan = find(planOf("LOAD CSV WITH HEADERS FROM 'file:///a.csv' AS row RETURN row"), 'LoadCSV');
    assert.ok(plan?.kind === 'LoadCSV');
    assert.equal(plan.variable, 'row');
    assert.equal(plan.withHeaders, true);
    assert.equal(plan.fieldTerminator, ',');
    assert.equal(new Set([plan.slot, plan.lineSlot, plan.fileSlot]).size, 3);
  });

  it('passes the FIELDTERMINATOR on', () => {
    const plan = find(
      planOf("LOAD CSV FROM 'file:///a.csv' AS row FIELDTERMINATOR '\\t' RETURN row"),
      'LoadCSV',
    );
    assert.ok(plan?.kind === 'LoadCSV');
    assert.equal(plan.fieldTerminator, '\t');
    assert.equal(plan.withHeaders, false);
  });

  it('turns linenumber() and file() into reads of the hidden variables inside a LOAD CSV', () => {
    const plan = planOf("LOAD CSV FROM 'file:///a.csv' AS row RETURN linenumber() AS l, FILE() AS f");
    const names = variablesIn(plan);
    assert.ok(names.has(LINENUMBER_VARIABLE));
    assert.ok(names.has(FILE_VARIABLE));
  });

  it('keeps the hidden variables across a WITH that does not aggregate', () => {
    const plan = planOf("LOAD CSV FROM 'file:///a.csv' AS row WITH row[0] AS x RETURN x, linenumber() AS l");
    assert.ok(variablesIn(plan).has(LINENUMBER_VARIABLE));
  });

  it('leaves the calls alone outside a LOAD CSV and after an aggregation', () => {
    assert.ok(!variablesIn(planOf('RETURN linenumber() AS l')).has(LINENUMBER_VARIABLE));
    const aggregated = planOf(
      "LOAD CSV FROM 'file:///a.csv' AS row WITH count(*) AS c RETURN c, linenumber() AS l",
    );
    assert.ok(!variablesIn(aggregated).has(LINENUMBER_VARIABLE));
  });

  it('streams a graph-free LOAD CSV into writes without an Eager barrier', () => {
    const plan = planOf(
      "LOAD CSV FROM 'file:///a.csv' AS row WITH row WHERE row[0] <> '' CREATE (:P {v: row[0]})",
    );
    assert.deepEqual(chain(plan), ['EmptyResult', 'Create', 'Filter', 'LoadCSV', 'Argument']);
  });

  it('keeps the Eager barrier when the rows come from a graph read', () => {
    const plan = planOf("MATCH (n) LOAD CSV FROM 'file:///a.csv' AS row CREATE (:P {v: row[0]})");
    assert.ok(chain(plan).includes('Eager'));
  });

  it('keeps the Eager barrier when an expression before the write reads the graph', () => {
    const plan = planOf("LOAD CSV FROM 'file:///a.csv' AS row WITH row WHERE EXISTS { (:P) } CREATE (:P)");
    assert.ok(chain(plan).includes('Eager'));
  });

  it('tells graph-free LOAD CSV pipelines from other plans', () => {
    const argument: PhysicalPlan = { kind: 'Argument' };
    assert.equal(isGraphFreeCsvPipeline(argument), false);
    const unwind = find(planOf('UNWIND [1] AS x RETURN x'), 'Unwind');
    assert.ok(unwind !== undefined);
    assert.equal(isGraphFreeCsvPipeline(unwind), false);
    const load = find(planOf("LOAD CSV FROM 'file:///a.csv' AS row RETURN row"), 'LoadCSV');
    assert.ok(load !== undefined);
    assert.equal(isGraphFreeCsvPipeline(load), true);
  });
});
