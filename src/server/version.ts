/** Quiver's own product name and version (logs, `dbms.components()`). Kept in step with package.json by a test. */
export const PRODUCT_NAME = 'Quiver';
export const PRODUCT_VERSION = '0.1.0';
/**
 * The agent string of HELLO SUCCESS. Drivers require `Neo4j/<major>.<minor>.<patch>` (1.x drivers parse the
 * version to choose features), so Quiver announces the Neo4j release whose behaviour it follows.
 */
export const BOLT_AGENT = 'Neo4j/5.26.0';
