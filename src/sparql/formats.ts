import type { QueryForm } from '../graph';
import { OFFERS, type RdfMediaType, type ResultsMediaType } from '../vocab';

/** The media types each kind of answer is offered in (src/vocab's format registry); the first
 *  is the default. */
export const SOLUTION_TYPES: readonly ResultsMediaType[] = OFFERS.solutions.types;
export const GRAPH_RESULT_TYPES: readonly RdfMediaType[] = OFFERS.graphResults.types;
/** Service description and VoID documents. */
export const DESCRIPTION_TYPES: readonly RdfMediaType[] = OFFERS.description.types;

export const isGraphForm = (form: QueryForm | undefined): boolean => form === 'CONSTRUCT' || form === 'DESCRIBE';

/** The offer of a query's answers: RDF for CONSTRUCT and DESCRIBE, results for the others. */
export const offerFor = (form: QueryForm | undefined) => (isGraphForm(form) ? OFFERS.graphResults : OFFERS.solutions);

/** The media type a `format` / `output` parameter asks for (as Fuseki, Virtuoso and
 *  SPARQLWrapper send them), when it names one this kind of answer has; anything else is
 *  ignored (the Accept header decides). */
export function formatOverride(value: string | undefined, form: QueryForm | undefined): ResultsMediaType | RdfMediaType | undefined {
  if (!value) return undefined;
  const names: Readonly<Record<string, ResultsMediaType | RdfMediaType>> = offerFor(form).names;
  return names[value.trim().toLowerCase()];
}
