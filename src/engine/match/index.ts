export { createMatcher, Matcher, DEFAULT_THRESHOLD, type MatcherOptions, type MatchStats } from './matcher.js';
