export { PRODUCT_NAME, PRODUCT_VERSION } from '../util/index.js';
/**
 * The agent string of HELLO SUCCESS. Drivers require `Neo4j/<major>.<minor>.<patch>` (1.x drivers parse the
 * version to choose features), so Quiver announces the Neo4j release whose behaviour it follows.
 */
export const BOLT_AGENT = 'Neo4j/5.26.0';
