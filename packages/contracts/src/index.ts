// The public face of @lianxin/contracts: schemas and types every service shares, zod only.
export * from './envelope.ts';
export * from './enums/index.ts';
export * from './errors.ts';
export * from './events/index.ts';
export * from './labels.ts';
export * from './pagination.ts';
export * from './topics.ts';
export * from './values.ts';
