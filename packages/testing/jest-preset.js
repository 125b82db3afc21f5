// Shared jest configuration: one project per kind of test, named by file suffix (STYLE.md, "Tests").
const { join } = require('node:path');

const swcTransform = [
  require.resolve('@swc/jest'),
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

function project(rootDir, displayName, suffix, extra = {}) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': swcTransform },
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: [`<rootDir>/**/*.${suffix}.spec.ts`],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...extra,
  };
}

/** The jest config of one workspace: `unit` is pure; `integration` and `e2e` get real infrastructure. */
function packageConfig(rootDir) {
  const harness = {
    globalSetup: join(__dirname, 'global-setup.js'),
    globalTeardown: join(__dirname, 'global-teardown.js'),
  };
  return {
    // A global option, not a project one: real brokers and stores take seconds, not milliseconds.
    testTimeout: 120_000,
    // A failed spec can leave a Kafka consumer reconnecting; the run must end, not hang CI.
    forceExit: true,
    projects: [
      project(rootDir, 'unit', 'unit'),
      project(rootDir, 'integration', 'int', harness),
      project(rootDir, 'e2e', 'e2e', harness),
    ],
  };
}

module.exports = { packageConfig };
