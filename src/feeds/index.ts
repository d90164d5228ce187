export { mergeFeeds, type Feed, type FeedBatch, type FeedCheckpoint } from './feed.js';
export { followFeeds, type FindingSink, type FollowOptions, type NameMatcher, type SourceStatus } from './follow.js';
export { readLines } from './lines.js';
export { zoneNames, newlyDelegated, type ZoneName, type ZoneProblem } from './zone.js';
export { listNames, namesFeed, ProblemCounter, type LineName, type NamesFeedOptions } from './names-feed.js';
