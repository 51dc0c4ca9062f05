import { formatTerm } from './formatTerm';
import type { ValidationReport, ValidationResult } from './ValidationReport';

/** A validation report as text: a summary line, then one line per result naming the severity,
 *  the focus node, the path, the message, the offending value and the shape. */
export function formatReport(report: ValidationReport): string {
  const count = report.results.length;
  const summary = report.conforms ? 'The data conforms to the shapes.' : `The data does not conform to the shapes: ${count} result${count === 1 ? '' : 's'}.`;
  return [summary, ...report.results.map(formatResult)].join('\n');
}

export function formatResult(result: ValidationResult): string {
  const path = result.path ? ` ${result.path}` : '';
  const value = result.value ? ` (value: ${formatTerm(result.value)})` : '';
  return `${result.severity} at ${formatTerm(result.focusNode)}${path}: ${result.message}${value} [${formatTerm(result.sourceShape)}]`;
}
