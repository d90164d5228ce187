export { replayLines, type ReplayLine, type ReplayResult } from './replay.js';
export { BackgroundEnricher, type EnrichFn, type EnrichmentUpdate, type BackgroundEnricherOptions } from './enrichment.js';
