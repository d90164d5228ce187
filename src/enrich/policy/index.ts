export { TtlCache } from './cache.js';
export { RateLimiter } from './rate-limit.js';
export { Polite, DEFAULT_POLITE, type PoliteOptions } from './polite.js';
