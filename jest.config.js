/** One jest run for everything: pure unit tests, API tests on the real database, e2e in Chromium. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];

/** Taro 4.2 needs React 18, which lives in miniapp/node_modules while the root has 19 (testing-library's peer). */
const miniappDep = (name, dir = false) => {
  const paths = [require('node:path').join(__dirname, 'miniapp')];
  return dir ? require('node:path').dirname(require.resolve(`${name}/package.json`, { paths })) : require.resolve(name, { paths });
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@mashang/shared$': '<rootDir>/shared/src/index.ts',
    '^@mashang/shared/(.*)$': '<rootDir>/shared/src/$1',
    // Mini-program component tests (tests/miniapp): Taro mocked at the module boundary, the app's own React 18, h5 platform files.
    '^@tarojs/taro$': '<rootDir>/tests/miniapp/support/taro.ts',
    '^@tarojs/components$': '<rootDir>/tests/miniapp/support/components.tsx',
    '^react$': miniappDep('react'),
    '^react/(.*)$': `${miniappDep('react', true)}/$1`,
    '^react-dom$': miniappDep('react-dom'),
    '^react-dom/(.*)$': `${miniappDep('react-dom', true)}/$1`,
    '^(\\.{1,2}/.*platform/(?:login|recorder|media|location|scan|subscribe|phone-button|privacy))$': '$1.h5',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/contract-after-each-file.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 90000,
  maxWorkers: 2,
};
