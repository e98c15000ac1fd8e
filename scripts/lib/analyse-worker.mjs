// Worker threads start as plain Node: load the TypeScript worker through tsx's loader.
import { tsImport } from 'tsx/esm/api';

await tsImport('./analyse-worker.ts', import.meta.url);
