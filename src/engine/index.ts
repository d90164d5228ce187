export type * from './types.js';
export * from './names/index.js';
export * from './brands/index.js';
export * from './match/index.js';
export * from './permute/index.js';
