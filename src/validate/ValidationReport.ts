import type { Term } from '@rdfjs/types';

/** sh:Violation, sh:Warning or sh:Info, by local name. */
export type Severity = 'Violation' | 'Warning' | 'Info';

/** One sh:ValidationResult, flattened for readers of the report. */
export interface ValidationResult {
  severity: Severity;
  focusNode: Term;
  /** The result path in SPARQL property-path syntax with the project's prefixes
   *  ("eli:is_part_of", "^unkg:clauseAct"); absent for node-level constraints. */
  path?: string;
  value?: Term;
  message: string;
  sourceShape: Term;
  sourceConstraintComponent: Term;
}

/** A SHACL validation report: the data conforms when no shape produced a result. */
export interface ValidationReport {
  conforms: boolean;
  results: ValidationResult[];
}
