import type { Row, RowCursor } from '../runtime/row.js';
import type { Operator } from './operator.js';

/** Argument: yields its argument row once (the leaf under every plan and Apply right side). */
export function buildArgument(): Operator {
  return {
    open(argument: Row): RowCursor {
      let done = false;
      return {
        next: () => {
          if (done) return null;
          done = true;
          return argument;
        },
        close: () => {
          done = true;
        },
      };
    },
  };
}
