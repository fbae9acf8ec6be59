import type { ProcedureDefinition, ProcedureField } from '../../execution/index.js';

/** Neo4j 5 spells signature types without `?` and lists as `LIST<STRING>` (`LIST? OF STRING?` before 5). */
export function signatureType(type: string): string {
  const list = /^LIST\??\s+OF\s+(.+)$/u.exec(type);
  if (list?.[1] !== undefined) return `LIST<${signatureType(list[1])}>`;
  return type.replace(/\?$/u, '');
}

function field(input: ProcedureField): string {
  return `${input.name} :: ${signatureType(input.type)}`;
}

/** `db.labels() :: (label :: STRING)`; a procedure without outputs ends `:: VOID`. */
export function procedureSignature(definition: ProcedureDefinition): string {
  const inputs = definition.inputs.map(field).join(', ');
  const outputs = definition.outputs.length === 0 ? 'VOID' : `(${definition.outputs.map(field).join(', ')})`;
  return `${definition.name}(${inputs}) :: ${outputs}`;
}
