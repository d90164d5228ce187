export { mergeFeeds, type Feed, type FeedBatch, type FeedCheckpoint } from './feed.js';
export { followFeeds, type FindingSink, type FollowOptions, type NameMatcher, type SourceStatus } from './follow.js';
export { readLineBatches } from './lines.js';
export { zoneNames, newlyDelegated, type ZoneName, type ZoneProblem } from './zone.js';
export { listNames, namesFeed, ProblemCounter, type LineName, type NamesFeedOptions } from './names-feed.js';
export { fileIdentity, openFileFeed, type CheckpointSource, type FileFeedKind, type FileFeedSpec, type OpenedFileFeed } from './file-feeds.js';
export { readCertstreamMessage, type CertstreamMessage } from './certstream-message.js';
export { certstreamFeed, certstreamCheckpointKey, type CertstreamFeedOptions } from './certstream.js';
export { followsLogs, openWatchFeeds, type OpenOptions, type WatchSources } from './sources.js';
