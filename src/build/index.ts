export { buildGraph, graphFileStem, turtlePrefixes } from './buildGraph';
export type { BuildOptions, BuildResult } from './buildGraph';
export { readReference, parseTurtleFile, turtleFiles, rebaseQuad } from './readReference';
export { writeAtomically } from './writeAtomically';
export { graphStats, compactIri } from './graphStats';
export type { GraphStats } from './graphStats';
export { buildGraphInParallel, DEFAULT_BUILD_JOBS, INLINE_BUILD_MAX_DOCUMENTS, MANIFEST_FILE } from './parallel';
export type { ParallelBuildOptions, ParallelBuildResult } from './parallel';
