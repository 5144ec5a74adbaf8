// roundup's records as zod schemas: every type and every CSV column list is derived from here.
export * from './article.js';
export * from './records.js';
export * from './tables.js';
export * from './summary.js';
export * from './gold.js';
