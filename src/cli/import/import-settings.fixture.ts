import type { ImportSettings } from './import-graph.js';

/** Import settings for tests: neo4j-admin's defaults with integer ids, changed by `overrides`. */
export function importSettings(overrides: Partial<ImportSettings> = {}): ImportSettings {
  return {
    delimiter: ',',
    quote: '"',
    multilineFields: false,
    arrayDelimiter: ';',
    trimStrings: false,
    ignoreEmptyStrings: false,
    normalizeTypes: true,
    badTolerance: 0,
    skipBadRelationships: false,
    skipDuplicateNodes: false,
    idType: 'integer',
    ...overrides,
  };
}
