/**
 * The openCypher TCK, one node:test test per scenario (Scenario Outlines: one per Examples row), named
 * `<feature path> :: <scenario name> [#row]`.
 *
 * - Features come from QUIVER_TCK_DIR (default ../shared/tck next to the repository); the runner reads
 *   `<dir>/features/**.feature` and the named graphs in `<dir>/graphs`. No directory: one skipped test.
 * - QUIVER_TCK_TARGET picks the database (target/select-target.ts): in-process by default; `bolt` runs
 *   every scenario through the official driver against a server started in this process.
 * - QUIVER_TCK_FILTER=<substring> runs only the scenarios whose name contains it.
 * - test/tck/denylist.txt lists known failures (the Bolt target has its own, denylist-bolt.txt). A denylisted scenario still runs: while it fails it is
 *   skipped ("denylisted: <reason>"); once it passes the test fails, so the list only shrinks.
 *   QUIVER_TCK_UPDATE_DENYLIST=1 rewrites the list with the scenarios failing now (reasons kept); only a
 *   full run (no QUIVER_TCK_FILTER) writes it, so a partial run never drops entries.
 * - Errors are compared by TCK type and detail; the phase (compile time / runtime) is not enforced, because
 *   Quiver may legitimately detect statically what Neo4j detects while running, and vice versa.
 * - Side effects are measured by diffing the graph before and after the query (side-effects.ts), as the
 *   TCK defines them, not from the engine's counters.
 */
import { defineTckSuite } from './tck-suite.js';

await defineTckSuite(process.env['QUIVER_TCK_TARGET']);
