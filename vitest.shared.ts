// Tests run on the packages' TypeScript sources through the `@roundup/source` export condition,
// so a change is tested without a build step (the condition zod's maintainer describes).
export const sourceConditions = {
  resolve: { conditions: ['@roundup/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@roundup/source', 'module', 'node', 'import', 'default'] } },
};
