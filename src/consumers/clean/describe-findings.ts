import type { Finding } from '../../shared/markdown/clean-types.js';

/** Findings listed in cleaning_status_details at most; the rest are counted. */
export const MAX_LISTED_FINDINGS = 10;

/**
 * cleaning_status_details for a clean: each finding as `line N: message`, errors first, or
 * null when there is nothing to say.
 */
export function describeFindings(findings: Finding[]): string | null {
  if (findings.length === 0) return null;
  const ordered = [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ];
  const listed = ordered.slice(0, MAX_LISTED_FINDINGS).map((f) => `line ${f.line}: ${f.message}`);
  const rest = ordered.length - listed.length;
  return rest > 0 ? `${listed.join('; ')}; and ${rest} more` : listed.join('; ');
}
