export { buildGraph, graphFileStem, turtlePrefixes } from './buildGraph';
export type { BuildOptions, BuildResult } from './buildGraph';
export { readReference, parseTurtleFile, turtleFiles, rebaseQuad } from './readReference';
export { writeAtomically } from './writeAtomically';
export { graphStats, compactIri } from './graphStats';
export type { GraphStats } from './graphStats';
export { publishGraph } from './publishGraph';
export type { PublishResult } from './publishGraph';
