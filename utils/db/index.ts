/** Gloss's database: the typed Dexie class, its store operations and shared types. */
export { createDb, GlossDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_VERSION } from './database';
export { StoreError, type StoreErrorCode } from './errors';
export * from './store';
export type * from './types';
export { HIGHLIGHT_COLORS } from './types';
export { LIMITS } from './schema';
export { requestPersistentStorage } from './persist';
