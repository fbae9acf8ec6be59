/**
 * Orders strings by Unicode code point, as openCypher requires (and as Neo4j's UTF-8 strings compare), not
 * by UTF-16 code unit as JavaScript's `<` does. The two orders differ only where a surrogate (half of a
 * supplementary character, U+10000 and up) meets a unit in U+E000..U+FFFF: by code unit the surrogate sorts
 * first, by code point last. Returns -1, 0 or 1.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const unitA = a.charCodeAt(index);
    const unitB = b.charCodeAt(index);
    if (unitA === unitB) continue;
    if (unitA >= 0xd800 && unitB >= 0xd800) {
      const isSurrogateA = unitA <= 0xdfff;
      const isSurrogateB = unitB <= 0xdfff;
      if (isSurrogateA !== isSurrogateB) return isSurrogateA ? 1 : -1;
    }
    return unitA < unitB ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}
