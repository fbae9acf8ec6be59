import type {
  Expression,
  Projection,
  ProjectionItem,
  SortItem,
  Variable,
  YieldClause,
  YieldItem,
} from '../ast/index.js';
import { PatternParser } from './pattern-parser.js';

/**
 * The projection body shared by WITH and RETURN (`ProjectionBody`: DISTINCT, items, ORDER BY, SKIP/OFFSET,
 * LIMIT) and the YIELD lists of procedure calls and SHOW commands.
 */
export abstract class ProjectionParser extends PatternParser {
  /** `ProjectionBody = [DISTINCT] ProjectionItems [ORDER BY …] [SKIP|OFFSET e] [LIMIT e]`. */
  protected parseProjectionBody(): Projection {
    const distinct = this.acceptKeyword('DISTINCT');
    const star = this.acceptSymbol('*');
    const items: ProjectionItem[] = [];
    if (!star || this.acceptSymbol(',')) {
      items.push(this.parseProjectionItem());
      while (this.acceptSymbol(',')) items.push(this.parseProjectionItem());
    }
    return { distinct, star, items, ...this.parseOrdering() };
  }

  /** `[ORDER BY …] [SKIP|OFFSET e] [LIMIT e]`. */
  protected parseOrdering(): Pick<Projection, 'orderBy' | 'skip' | 'limit'> {
    const orderBy = this.isKeyword('ORDER') ? this.parseOrderBy() : undefined;
    const skip =
      this.acceptKeyword('SKIP') || this.acceptKeyword('OFFSET') ? this.parseExpression() : undefined;
    const limit = this.acceptKeyword('LIMIT') ? this.parseExpression() : undefined;
    return { orderBy, skip, limit };
  }

  /**
   * `ProjectionItem = Expression [AS Variable]`; `text` is the expression's source text, which names the
   * column when there is no alias.
   */
  private parseProjectionItem(): ProjectionItem {
    const start = this.current.start;
    const expression = this.parseExpression();
    this.rejectPatternValue(expression);
    const text = this.text.slice(start, this.lastEnd).trim();
    const alias = this.acceptKeyword('AS') ? this.parseVariable() : undefined;
    return { pos: start, expression, alias, text };
  }

  /** `ORDER BY SortItem (',' SortItem)*` with `ASC[ENDING]` / `DESC[ENDING]`. */
  private parseOrderBy(): SortItem[] {
    this.expectKeyword('ORDER', 'BY');
    const items: SortItem[] = [];
    do {
      const expression = this.parseExpression();
      let descending = false;
      if (this.acceptKeyword('DESC') || this.acceptKeyword('DESCENDING')) descending = true;
      else if (!this.acceptKeyword('ASC')) this.acceptKeyword('ASCENDING');
      items.push({ expression, descending });
    } while (this.acceptSymbol(','));
    return items;
  }

  /**
   * `YIELD (* | field [AS alias] (',' …)*) [WHERE e]`, after the YIELD keyword. With `ordering` (SHOW
   * commands) `[ORDER BY …] [SKIP|OFFSET e] [LIMIT e]` may come before the WHERE, as in Neo4j.
   */
  protected parseYieldRest(ordering = false): YieldClause {
    const star = this.acceptSymbol('*');
    const items: YieldItem[] = [];
    if (!star) {
      do {
        const pos = this.current.start;
        const field = this.parseName('a procedure result field');
        const alias: Variable | undefined = this.acceptKeyword('AS') ? this.parseVariable() : undefined;
        items.push({ pos, field, alias });
      } while (this.acceptSymbol(','));
    }
    const orderBy = ordering && this.isKeyword('ORDER') ? this.parseOrderBy() : undefined;
    const skip =
      ordering && (this.acceptKeyword('SKIP') || this.acceptKeyword('OFFSET'))
        ? this.parseExpression()
        : undefined;
    const limit = ordering && this.acceptKeyword('LIMIT') ? this.parseExpression() : undefined;
    const where: Expression | undefined = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    return { star, items, orderBy, skip, limit, where };
  }
}
