// Jest runs in native ESM mode (NestJS 12 packages are ESM): the npm test scripts set
// NODE_OPTIONS=--experimental-vm-modules. Global setup and teardown run outside Jest's module
// system and import the compiled libraries from dist/, so the scripts build first.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: {
    '^#rollcall/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

const withInfrastructure = {
  globalSetup: '<rootDir>/test/setup/integration.global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/integration.global-teardown.ts',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...common,
      ...withInfrastructure,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/apps/**/*.int-spec.ts',
        '<rootDir>/libs/**/*.int-spec.ts',
        '<rootDir>/test/integration/**/*.int-spec.ts',
      ],
    },
    {
      ...common,
      ...withInfrastructure,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
  ],
};
