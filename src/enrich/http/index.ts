export { guardedGet, PAGE_LIMITS, type HttpLimits, type HttpResult, type HttpErrorKind, type Hop, type GetOptions } from './get.js';
