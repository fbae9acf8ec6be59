/** Quiver's own product name and version (logs, `dbms.components()`, `--version`). Kept in step with package.json by a test. */
export const PRODUCT_NAME = 'Quiver';
export const PRODUCT_VERSION = '0.1.0';
