import { CypherArgumentError } from '../../errors/index.js';
import { evaluationQuery, parseParameterAssignment, restoreDumpBytes } from '../../shell/index.js';

/** Parameter values by name, sent with every statement of a replay. */
export type ParameterValues = Readonly<Record<string, unknown>>;

/** Evaluates `RETURN <expression> AS value` where the replay runs, with the parameters set so far. */
export type Evaluate = (query: string, parameters: ParameterValues) => Promise<unknown>;

/**
 * The parameters of a replayed script, set by its `:param` lines as cypher-shell sets them: the expression
 * is evaluated where the script runs, and the value is sent with every later statement. A dump's BYTES
 * parameters (`__quiver_bytes_N`, lists of integers) become BYTES again (`restoreDumpBytes`).
 */
export class ScriptParameters {
  private current: Record<string, unknown> = {};

  get values(): ParameterValues {
    return this.current;
  }

  /**
   * Applies a `:param …` or `:params clear` command; returns false for any other command (the replay
   * skips those).
   * @throws CypherArgumentError for a malformed `:param`; the evaluation's error when it fails
   */
  async apply(command: string, evaluate: Evaluate): Promise<boolean> {
    const [name = '', ...rest] = command.split(/\s+/);
    const argument = command.slice(name.length).trim();
    const lowered = name.toLowerCase();
    if (lowered === ':params' && rest.join(' ') === 'clear') {
      this.current = {};
      return true;
    }
    if (lowered !== ':param') return false;
    const assignment = parseParameterAssignment(argument);
    switch (assignment.kind) {
      case 'INVALID':
        throw new CypherArgumentError(assignment.message);
      case 'NAMED': {
        const value = await evaluate(evaluationQuery(assignment.expression), this.current);
        this.current = { ...this.current, [assignment.name]: restoreDumpBytes(assignment.name, value) };
        return true;
      }
      case 'MAP': {
        const value = await evaluate(evaluationQuery(assignment.expression), this.current);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new CypherArgumentError('A parameter map must evaluate to a map');
        }
        const next = { ...this.current };
        for (const [key, item] of Object.entries(value)) next[key] = restoreDumpBytes(key, item);
        this.current = next;
        return true;
      }
    }
  }
}
