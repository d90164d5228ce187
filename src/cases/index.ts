export { loadMacron2017, CASE_DIR, type Case, type CaseDomain } from './macron-2017.js';
