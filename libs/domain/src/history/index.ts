export * from './canonical-json.js';
export * from './hash-chain.js';
export * from './history-entry.js';
export * from './verify-chain.js';
export * from './verify-chain-pages.js';
