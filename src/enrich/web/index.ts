export { summarisePage, decodeEntities, type PageSummary } from './html.js';
export { shinglesOf, similarity, jaccard, type Shingles } from './similarity.js';
export { visitPage, pageFacts, brandReference, type BrandReference, type PageVisit, type WebDeps } from './page.js';
