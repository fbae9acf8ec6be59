import type { SetItemPlan } from '../../planner/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { Row } from '../runtime/row.js';
import type { BuildContext } from './operator.js';
import { compileLabelNames } from './label-names.js';
import { PropertyKeyTokens } from './property-key-tokens.js';
import { propertyMapOf, targetOf, writeProperties, writeProperty } from './property-writes.js';

/** A compiled SET / REMOVE item: applies itself to one row. A null target is a no-op. */
export type RowWrite = (row: Row) => void;

export function compileSetItem(item: SetItemPlan, build: BuildContext): RowWrite {
  const context = build.context;
  const subject: Evaluator = build.compile(item.subject);
  switch (item.kind) {
    case 'SetProperty': {
      const value = build.compile(item.value);
      return (row) => {
        const target = targetOf(subject(row, context));
        const evaluated = value(row, context);
        if (target !== undefined) writeProperty(context, target, item.key, evaluated);
      };
    }
    case 'SetAllProperties':
    case 'MergeProperties': {
      const value = build.compile(item.value);
      const replace = item.kind === 'SetAllProperties';
      const keyTokens = new PropertyKeyTokens(context.tokens.propertyKeys);
      return (row) => {
        const target = targetOf(subject(row, context));
        const map = propertyMapOf(value(row, context));
        if (target !== undefined) writeProperties(context, target, map, replace, keyTokens);
      };
    }
    case 'RemoveProperty':
      return (row) => {
        const target = targetOf(subject(row, context));
        if (target !== undefined) writeProperty(context, target, item.key, null);
      };
    case 'SetLabels': {
      const labelsOf = compileLabelNames(item.labels, item.dynamicLabels, build);
      return (row) => {
        const target = targetOf(subject(row, context));
        if (target?.entity !== 'NODE') return;
        for (const label of labelsOf(row)) {
          if (context.tx.addLabel(target.id, context.tokens.labels.getOrCreate(label)))
            context.statistics.labelsAdded++;
        }
      };
    }
    case 'RemoveLabels': {
      const labelsOf = compileLabelNames(item.labels, item.dynamicLabels, build);
      return (row) => {
        const target = targetOf(subject(row, context));
        if (target?.entity !== 'NODE') return;
        for (const label of labelsOf(row)) {
          const token = context.tokens.labels.idOf(label);
          if (token !== undefined && context.tx.removeLabel(target.id, token))
            context.statistics.labelsRemoved++;
        }
      };
    }
  }
}

export function compileSetItems(items: readonly SetItemPlan[], build: BuildContext): RowWrite {
  const writes = items.map((item) => compileSetItem(item, build));
  return (row) => {
    for (const write of writes) write(row);
  };
}
