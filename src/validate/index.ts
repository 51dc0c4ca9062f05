export { validateGraph } from './validateGraph';
export { formatReport, formatResult } from './formatReport';
export { loadShapes, SHAPES_FILE } from './loadShapes';
export { compactIri, formatTerm, SHAPES_NS } from './formatTerm';
export type { Severity, ValidationReport, ValidationResult } from './ValidationReport';
