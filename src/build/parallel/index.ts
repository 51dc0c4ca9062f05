export { buildGraphInParallel, DEFAULT_BUILD_JOBS, INLINE_BUILD_MAX_DOCUMENTS } from './buildGraphInParallel';
export type { ParallelBuildOptions, ParallelBuildResult } from './buildGraphInParallel';
export { MANIFEST_FILE } from './buildManifest';
