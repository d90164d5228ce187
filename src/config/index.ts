export { DATA_DIR, loadWatchlistFile, loadDefaultWords, matcherOptionsFor, formatWatchlistErrors, type LoadResult } from './watchlist-file.js';
