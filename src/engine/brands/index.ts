export { parseWatchlist, type Watchlist, type WatchlistError, type WatchlistResult } from './watchlist.js';
export { compileBrands, BrandIndex, type CompileOptions } from './compile.js';
export type { Target } from './target.js';
export { parseWordList } from './words.js';
