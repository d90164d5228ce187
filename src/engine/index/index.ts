export { Automaton, createMatches, symbolOf, type AutomatonMatches } from './automaton.js';
export { HashMultimap } from './multimap.js';
export { InlineMultimap } from './inline-multimap.js';
export { PrefixHashes, hashRange, hashString, hashText } from './hash.js';
export { EndsFilter } from './ends-filter.js';
export { DeletionEnds } from './deletion-ends.js';
