export { replayLines, type ReplayLine, type ReplayResult } from './replay.js';
