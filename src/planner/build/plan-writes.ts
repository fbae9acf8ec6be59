import type {
  Create,
  Delete,
  Expression,
  LabelExpression,
  Merge,
  NodePattern,
  PatternConnection,
  PatternPart,
  RelationshipPattern,
  Remove,
  SetClause,
  SetItem,
} from '../../cypher/index.js';
import type {
  CreateSpec,
  CreateNodeSpec,
  CreateRelationshipSpec,
  PhysicalPlan,
  SetItemPlan,
} from '../plan/physical-plan.js';
import { CypherSemanticError } from '../../errors/index.js';
import { variable } from './expression-tools.js';
import { namedPath, planPattern } from './plan-match.js';
import type { PlanState, PlannerContext, Scope } from './planner-context.js';

/**
 * The relationship patterns of a chain that CREATE or MERGE makes: the semantic analysis refuses quantified
 * path patterns there, so one here is a planner bug.
 */
function relationshipPatterns(connections: readonly PatternConnection[]): readonly RelationshipPattern[] {
  return connections.map((connection) => {
    if (connection.kind !== 'RelationshipPattern')
      throw new CypherSemanticError('Quantified path patterns are not allowed in CREATE or MERGE', {
        detail: 'UnexpectedSyntax',
      });
    return connection;
  });
}

/** Gives every anonymous node and relationship of a pattern part a hidden variable. */
export function nameAnonymous(context: PlannerContext, part: PatternPart): PatternPart {
  const element = part.element;
  const named = <T extends { readonly variable: unknown; readonly pos: number }>(item: T): T =>
    item.variable === undefined ? { ...item, variable: variable(context.anonymousName(), item.pos) } : item;
  return {
    ...part,
    element: {
      ...element,
      nodes: element.nodes.map(named),
      relationships: relationshipPatterns(element.relationships).map(named),
    },
  };
}

/** What CREATE (or MERGE's create branch) makes for `parts`; extends `scope` with the new slots. */
export function createSpec(
  context: PlannerContext,
  parts: readonly PatternPart[],
  outer: Scope,
  scope: Map<string, number>,
): CreateSpec[] {
  const specs: CreateSpec[] = [];
  const created = new Set<string>();
  for (const part of parts) {
    const nodes: CreateNodeSpec[] = [];
    const relationships: CreateRelationshipSpec[] = [];
    const names = part.element.nodes.map((node) => node.variable?.name ?? '');
    part.element.nodes.forEach((node, index) => {
      const name = names[index] ?? '';
      if (outer.has(name) || created.has(name)) return;
      created.add(name);
      const slot = scope.get(name) ?? context.newSlot();
      scope.set(name, slot);
      const properties = node.properties === undefined ? undefined : context.expr(node.properties, scope);
      const { labels, dynamic } = createdLabels(node);
      const dynamicLabels = dynamic.map((expression) => context.expr(expression, scope));
      nodes.push({ slot, variable: name, labels, dynamicLabels, properties });
    });
    const createdRelationships = relationshipPatterns(part.element.relationships);
    const relNames = createdRelationships.map((rel) => rel.variable?.name ?? '');
    createdRelationships.forEach((rel, index) => {
      const name = relNames[index] ?? '';
      const slot = scope.get(name) ?? context.newSlot();
      scope.set(name, slot);
      const left = scope.get(names[index] ?? '') ?? -1;
      const right = scope.get(names[index + 1] ?? '') ?? -1;
      const incoming = rel.direction === 'INCOMING';
      const properties = rel.properties === undefined ? undefined : context.expr(rel.properties, scope);
      const [dynamic] = rel.dynamicTypes;
      relationships.push({
        slot,
        variable: name,
        start: incoming ? right : left,
        end: incoming ? left : right,
        type: rel.types[0] ?? '',
        dynamicType: dynamic === undefined ? undefined : context.expr(dynamic.expression, scope),
        properties,
      });
    });
    let path: CreateSpec['path'];
    if (part.variable !== undefined) {
      const slot = scope.get(part.variable.name) ?? context.newSlot();
      scope.set(part.variable.name, slot);
      const argument: PhysicalPlan = { kind: 'Argument' };
      path = namedPath(argument, part.variable.name, slot, names, relNames, part, scope);
    }
    specs.push({ nodes, relationships, path });
  }
  return specs;
}

export function planCreate(context: PlannerContext, state: PlanState, clause: Create): PlanState {
  const scope = new Map(state.scope);
  const parts = clause.pattern.parts.map((part) => nameAnonymous(context, part));
  let plan = state.plan;
  for (const spec of createSpec(context, parts, state.scope, scope))
    plan = { kind: 'Create', source: plan, ...spec };
  return { plan, scope };
}

export function planMerge(context: PlannerContext, state: PlanState, clause: Merge): PlanState {
  const part = nameAnonymous(context, clause.part);
  const matched = planPattern(context, { plan: { kind: 'Argument' }, scope: state.scope }, [part], undefined);
  const scope = new Map(matched.scope);
  const [create] = createSpec(context, [part], state.scope, scope);
  const onMatch = clause.onMatch.map((item) => setItem(context, item, scope));
  const onCreate = clause.onCreate.map((item) => setItem(context, item, scope));
  const plan: PhysicalPlan = {
    kind: 'Merge',
    source: state.plan,
    match: matched.plan,
    create: create ?? { nodes: [], relationships: [], path: undefined },
    onMatch,
    onCreate,
    text: '',
  };
  return { plan, scope };
}

export function setItem(context: PlannerContext, item: SetItem, scope: Scope): SetItemPlan {
  switch (item.kind) {
    case 'SetProperty':
      return {
        kind: 'SetProperty',
        subject: context.expr(item.subject, scope),
        key: item.key,
        value: context.expr(item.value, scope),
      };
    case 'SetAllProperties':
    case 'MergeProperties':
      return {
        kind: item.kind,
        subject: context.expr(item.variable, scope),
        value: context.expr(item.value, scope),
      };
    case 'SetLabels':
      return {
        kind: 'SetLabels',
        subject: context.expr(item.variable, scope),
        labels: item.labels,
        dynamicLabels: (item.dynamicLabels ?? []).map((expression) => context.expr(expression, scope)),
      };
  }
}

export function planSet(context: PlannerContext, state: PlanState, clause: SetClause): PlanState {
  const items = clause.items.map((item) => setItem(context, item, state.scope));
  return { plan: { kind: 'Set', source: state.plan, items }, scope: state.scope };
}

export function planRemove(context: PlannerContext, state: PlanState, clause: Remove): PlanState {
  const items: SetItemPlan[] = clause.items.map((item) =>
    item.kind === 'RemoveProperty'
      ? { kind: 'RemoveProperty', subject: context.expr(item.subject, state.scope), key: item.key }
      : {
          kind: 'RemoveLabels',
          subject: context.expr(item.variable, state.scope),
          labels: item.labels,
          dynamicLabels: (item.dynamicLabels ?? []).map((expression) =>
            context.expr(expression, state.scope),
          ),
        },
  );
  return { plan: { kind: 'Set', source: state.plan, items }, scope: state.scope };
}

export function planDelete(context: PlannerContext, state: PlanState, clause: Delete): PlanState {
  const values = clause.expressions.map((expression) => context.expr(expression, state.scope));
  return { plan: { kind: 'Delete', source: state.plan, detach: clause.detach, values }, scope: state.scope };
}

/**
 * The labels a created node gets: the names of `:A:B` / `:A&B`, and the `$(…)` expressions among them
 * (CREATE and MERGE take no other label expressions; the semantic check refused them before).
 */
function createdLabels(node: NodePattern): { labels: string[]; dynamic: Expression[] } {
  const labels: string[] = [];
  const dynamic: Expression[] = [];
  const visit = (expression: LabelExpression | undefined): void => {
    if (expression === undefined) return;
    if (expression.kind === 'LabelName') labels.push(expression.name);
    else if (expression.kind === 'LabelDynamic') dynamic.push(expression.expression);
    else if (expression.kind === 'LabelAnd') expression.operands.forEach(visit);
  };
  visit(node.labels);
  return { labels, dynamic };
}
