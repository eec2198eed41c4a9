export * from './evidence.js';
export * from './document.js';
export * from './encounter.js';
export * from './fact.js';
export * from './analysis.js';
export * from './opinion-review.js';
export * from './verify.js';
