export { renderCaseReport, caseCounts, type CaseReport, type CaseCounts } from './case-report.js';
export { printable, csvField } from './escape.js';
