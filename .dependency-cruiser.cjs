// Module boundaries of docs/architecture.md ("Dependency direction"), checked in CI by `npm run boundaries`.
const layer = (from, notTo, comment) => ({
  name: `${from}-not-to-${notTo.split('|')[0]}-etc`,
  comment,
  severity: 'error',
  from: { path: `^src/(${from})/` },
  to: { path: `^src/(${notTo})/` },
});
const ABOVE_VALUES = 'packstream|bolt|cypher|planner|execution|storage|durability|engine|server|cli|shell';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'no module cycles; type-only cycles are allowed (recursive types such as the AST need them)',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'only-index-imports',
      severity: 'error',
      comment: 'import other modules through their index.ts',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      comment: 'product code never imports tests, test support or benchmarks',
      from: { path: '^src/', pathNot: '\\.(test|bench|fuzz)\\.ts$' },
      to: { path: ['^test/', '^bench/', '\\.(test|bench|fuzz)\\.ts$'] },
    },
    layer('util', `errors|values|${ABOVE_VALUES}`, 'bottom'),
    layer('errors', `values|${ABOVE_VALUES}`, 'errors know only util'),
    layer('values', ABOVE_VALUES, 'the shared value model'),
    layer(
      'packstream',
      'values|bolt|cypher|planner|execution|storage|durability|engine|server|cli|shell',
      'pure codec',
    ),
    layer(
      'bolt',
      'cypher|planner|execution|storage|durability|engine|server|cli|shell',
      'Bolt knows only its backend port',
    ),
    layer(
      'cypher',
      'planner|execution|storage|durability|engine|server|bolt|packstream|cli|shell',
      'front end is pure',
    ),
    layer(
      'planner',
      'execution|storage|durability|engine|server|bolt|packstream|cli|shell',
      'planner asks through catalog-view',
    ),
    layer(
      'execution',
      'cypher|durability|engine|server|bolt|packstream|cli|shell',
      'execution sees planner and storage only',
    ),
    layer(
      'storage',
      'cypher|planner|execution|durability|engine|server|bolt|packstream|cli|shell',
      'storage is the floor',
    ),
    layer(
      'durability',
      'cypher|planner|execution|engine|server|bolt|packstream|cli|shell',
      'durability sees storage only',
    ),
    layer('engine', 'server|bolt|packstream|cli|shell', 'engine does not know Bolt'),
    layer(
      'server',
      'cypher|planner|execution|storage|durability|packstream|cli|shell',
      'server joins bolt and engine, nothing else',
    ),
    layer('shell', 'engine|storage|execution|planner|cypher|durability|server|cli', 'shell speaks Bolt'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^build/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
