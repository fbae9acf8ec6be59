import type { TextPosition } from '../../errors/index.js';

/**
 * Offsets to Neo4j's position triples (0-based offset, 1-based line and column; lines end at `\n`, as in
 * the parser's syntax errors). The line starts are found once per text.
 */
export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
    }
  }

  /** The position of `offset`. */
  at(offset: number): TextPosition {
    // The last line start at or before the offset (binary search: queries can be long).
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { offset, line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }
}
