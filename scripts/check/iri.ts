/**
 * cmi5 §3.0 (requirement 3.0.0.0-1): "IRI's in this spec MUST be fully
 * qualified and not IRI References." xAPI activity ids are IRIs too (xAPI
 * Data 2.4.4.1). A fully qualified IRI has a scheme; http(s) ones a host.
 */
export function iriProblem(value: string): string | undefined {
  const iri = value.trim(); // cmi5 §13.1: the LMS strips surrounding whitespace on import.
  if (iri === '') return 'is empty';
  if (/\s/.test(iri)) return 'contains whitespace';
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(iri);
  if (!match) return 'is not fully qualified: it has no scheme such as "https:", so it is a relative IRI reference';
  const [, scheme = '', rest = ''] = match;
  if (rest === '') return `has nothing after "${scheme}:"`;
  if (/^(https?|ftp)$/i.test(scheme) && !/^\/\/[^/?#]+/.test(rest))
    return `is not fully qualified: "${scheme}:" must be followed by "//" and a host`;
  if (/[<>"{}|^`\\]/.test(iri)) return 'contains a character IRIs do not allow (one of <>"{}|^`\\)';
  return undefined;
}
