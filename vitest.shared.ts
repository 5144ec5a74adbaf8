// Tests run on the packages' TypeScript sources through the `@roundup/source` export condition,
// so a change is tested without a build step (the condition zod's maintainer describes).
export const sourceConditions = {
  resolve: { conditions: ['@roundup/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@roundup/source', 'module', 'node', 'import', 'default'] } },
};

/**
 * Unit tests assert results, never speed; vitest's 5 s default fails a test that is merely slow because the machine
 * is busy (a CI runner shared with other jobs), so a test gets 30 s before it is called stuck.
 */
export const unitTestLimits = { test: { testTimeout: 30_000, hookTimeout: 60_000 } };
