import type {
  Expression,
  NodePattern,
  Pattern,
  PatternElement,
  PathSelector,
  PatternPart,
  QuantifiedPathPattern,
  RelationshipPattern,
} from '../ast/index.js';
import { ExpressionPrinter, printLabelExpression } from './expression-printer.js';
import { printName } from './names.js';

/** Prints patterns: `p = shortestPath((a:A {k: 1})-[r:T|U*1..3]->(b WHERE b.x > 1))`. */
export abstract class PatternPrinter extends ExpressionPrinter {
  protected printPattern(pattern: Pattern): string {
    return pattern.parts.map((part) => this.printPatternPart(part)).join(', ');
  }

  protected printPatternPart(part: PatternPart): string {
    const variable = part.variable === undefined ? '' : `${printName(part.variable.name)} = `;
    const element = this.printPatternElement(part.element);
    if (part.selector !== undefined) return `${variable}${this.printSelector(part.selector)} ${element}`;
    return part.shortest === undefined ? `${variable}${element}` : `${variable}${part.shortest}(${element})`;
  }

  /** `ANY SHORTEST`, `ALL SHORTEST` and `ANY` for k = 1; otherwise `SHORTEST k`, `SHORTEST k GROUPS`, `ANY k`. */
  private printSelector(selector: PathSelector): string {
    const count = selector.count;
    const one = count.kind === 'Literal' && count.value === 1n;
    switch (selector.kind) {
      case 'SHORTEST':
        return one ? 'ANY SHORTEST' : `SHORTEST ${this.printExpression(count)}`;
      case 'SHORTEST GROUPS':
        return one ? 'ALL SHORTEST' : `SHORTEST ${this.printExpression(count)} GROUPS`;
      case 'ANY':
        return one ? 'ANY' : `ANY ${this.printExpression(count)}`;
    }
  }

  protected printPatternElement(element: PatternElement): string {
    let text = '';
    element.nodes.forEach((node, index) => {
      const relationship = index > 0 ? element.relationships[index - 1] : undefined;
      if (relationship?.kind === 'QuantifiedPathPattern') text += ` ${this.printQuantified(relationship)} `;
      else if (relationship !== undefined) text += this.printRelationship(relationship);
      text += this.printNode(node);
    });
    return text;
  }

  /** `((a)-[r]->(b) WHERE p){1,3}`: the quantifier always in braces. */
  private printQuantified(quantified: QuantifiedPathPattern): string {
    const where = quantified.where === undefined ? '' : ` WHERE ${this.printExpression(quantified.where)}`;
    const range =
      quantified.min === quantified.max ? `${quantified.min}` : `${quantified.min},${quantified.max ?? ''}`;
    return `(${this.printPatternElement(quantified.element)}${where}){${range}}`;
  }

  private printNode(node: NodePattern): string {
    let text = node.variable === undefined ? '' : printName(node.variable.name);
    if (node.labels !== undefined) {
      text += `:${printLabelExpression(node.labels, 'top', (inner) => this.printExpression(inner))}`;
    }
    text += this.printDetailTail(node.properties, node.where, text !== '');
    return `(${text})`;
  }

  private printRelationship(relationship: RelationshipPattern): string {
    let detail = relationship.variable === undefined ? '' : printName(relationship.variable.name);
    const types = [
      ...relationship.types.map(printName),
      ...relationship.dynamicTypes.map((dynamic) =>
        printLabelExpression(dynamic, 'top', (inner) => this.printExpression(inner)),
      ),
    ];
    if (types.length > 0) detail += `:${types.join('|')}`;
    const length = relationship.length;
    if (length !== undefined) {
      detail += '*';
      if (length.min !== undefined && length.min === length.max) detail += String(length.min);
      else if (length.min !== undefined || length.max !== undefined)
        detail += `${length.min ?? ''}..${length.max ?? ''}`;
    }
    detail += this.printDetailTail(relationship.properties, relationship.where, detail !== '');
    const body = detail === '' ? '--' : `-[${detail}]-`;
    if (relationship.direction === 'OUTGOING') return `${body}>`;
    if (relationship.direction === 'INCOMING') return `<${body}`;
    return body;
  }

  private printDetailTail(
    properties: Expression | undefined,
    where: Expression | undefined,
    spaced: boolean,
  ): string {
    let text = '';
    if (properties !== undefined) text += `${spaced ? ' ' : ''}${this.printExpression(properties)}`;
    if (where !== undefined)
      text += `${spaced || text !== '' ? ' ' : ''}WHERE ${this.printExpression(where)}`;
    return text;
  }
}
