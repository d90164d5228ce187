export { parseName, parseHost, NAME_ERROR_TEXT, type ParsedName, type ParseResult } from './parse.js';
export { skeleton, skeletonInto, SkeletonBuffer } from './skeleton.js';
export { skeletonOfCodePoint, CONFUSABLE_COUNT } from './confusables.js';
export { scriptsOf } from './scripts.js';
