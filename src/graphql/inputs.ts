import { NS, sdgIri, type IriScheme } from '../vocab';
import { BadUserInputError } from './errors';
import { isAbsoluteIri } from './rdf/sparqlSyntax';

/** Client input → IRIs, each checked; a bad value is the client's mistake and says so. */

export function iriInput(value: string, argument: string): string {
  if (!isAbsoluteIri(value)) throw new BadUserInputError(`"${argument}" must be an absolute IRI; got ${JSON.stringify(value)}`, argument);
  return value;
}

/** A UN symbol: letters, digits and / . - ( ), starting with a letter (`A/RES/64/293`). */
const SYMBOL = /^[A-Za-z][A-Za-z0-9/.()\- ]*$/;

export function symbolInput(value: string, argument: string, iris: IriScheme): string {
  const symbol = value.trim();
  if (!SYMBOL.test(symbol) || symbol.length > 100) throw new BadUserInputError(`"${argument}" is not a UN document symbol: ${JSON.stringify(value)}`, argument);
  return iris.document(symbol);
}

/** An IRI, or else a UN document symbol. */
export const citableInput = (value: string, argument: string, iris: IriScheme): string => (isAbsoluteIri(value) ? value : symbolInput(value, argument, iris));

const SDG_CODE = /^\d{1,2}(\.[0-9a-z]{1,2})?$/;

export function sdgCodeInput(value: string, argument: string): string {
  if (!SDG_CODE.test(value))
    throw new BadUserInputError(`"${argument}" is not an SDG goal or target code such as "5" or "5.2": ${JSON.stringify(value)}`, argument);
  return sdgIri(value);
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** A clause verb's slug (`urges`) or IRI. */
export function clauseVerbInput(value: string, argument: string): string {
  if (isAbsoluteIri(value)) return value;
  if (!SLUG.test(value)) throw new BadUserInputError(`"${argument}" is not a clause verb slug such as "urges" or an IRI: ${JSON.stringify(value)}`, argument);
  return NS.clause + value;
}

export function slugInput(value: string, argument: string): string {
  if (!SLUG.test(value))
    throw new BadUserInputError(`"${argument}" is not a slug (lower-case letters, digits and hyphens): ${JSON.stringify(value)}`, argument);
  return value;
}
