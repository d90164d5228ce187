export { mergeFeeds, type Feed, type FeedBatch, type FeedCheckpoint } from './feed.js';
export { followFeeds, type FindingSink, type FollowOptions, type NameMatcher, type SourceStatus } from './follow.js';
