export { permute } from './permute.js';
export { splitTarget } from './target.js';
export { isValidHostname, toHostname } from './hostname.js';
export { selectFuzzers, FAMILY_NAMES, FUZZER_NAMES, type FamilySelection } from './families.js';
export { FUZZERS, type Fuzzer, type PermuteOptions, type PermuteTarget, type Variant } from './types.js';
