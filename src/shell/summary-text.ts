/**
 * The lines cypher-shell prints after a result in verbose mode: the row count with the server's timings,
 * and the update counters of the summary (`stats`).
 */
export function formatFooter(rows: number, availableAfterMs: number, consumedAfterMs: number): string {
  return (
    `${rows} row${rows === 1 ? '' : 's'}\n` +
    `ready to start consuming query after ${availableAfterMs} ms, results consumed after another ${consumedAfterMs} ms`
  );
}

/** Bolt `stats` keys with cypher-shell's wording, in cypher-shell's order. */
const COUNTERS: readonly (readonly [key: string, text: (count: string) => string])[] = [
  ['nodes-created', (count) => `Added ${count} nodes`],
  ['nodes-deleted', (count) => `Deleted ${count} nodes`],
  ['relationships-created', (count) => `Created ${count} relationships`],
  ['relationships-deleted', (count) => `Deleted ${count} relationships`],
  ['properties-set', (count) => `Set ${count} properties`],
  ['labels-added', (count) => `Added ${count} labels`],
  ['labels-removed', (count) => `Removed ${count} labels`],
  ['indexes-added', (count) => `Added ${count} indexes`],
  ['indexes-removed', (count) => `Removed ${count} indexes`],
  ['constraints-added', (count) => `Added ${count} constraints`],
  ['constraints-removed', (count) => `Removed ${count} constraints`],
  ['system-updates', (count) => `System updates: ${count}`],
];

/**
 * `Added 1 nodes, Set 2 properties, Added 1 labels` from a summary's `stats` map (Bolt integers); an empty
 * string when nothing changed or there are no stats.
 */
export function formatCounters(stats: unknown): string {
  if (typeof stats !== 'object' || stats === null) return '';
  const counts = stats as Readonly<Record<string, unknown>>;
  const parts: string[] = [];
  for (const [key, text] of COUNTERS) {
    const count = counts[key];
    if ((typeof count === 'bigint' || typeof count === 'number') && Number(count) !== 0) {
      parts.push(text(String(count)));
    }
  }
  return parts.join(', ');
}
