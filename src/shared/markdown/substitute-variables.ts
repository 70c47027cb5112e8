import type { Edit, LocatedFinding } from './clean-types.js';
import type { VariableUse } from './locate/constructs.js';
import { scanVariables } from './locate/scan-variables.js';

// Single-word Liquid and Jinja tags look like variables; READMEs that teach those languages
// write them, so unless an asset defines one they are template text, not unknown variables.
const TEMPLATE_KEYWORDS = new Set([
  'else',
  'raw',
  'endraw',
  'comment',
  'endcomment',
  'endif',
  'endfor',
  'endwhile',
  'endunless',
  'endcase',
  'endcapture',
  'endblock',
  'endmacro',
  'endfilter',
  'endwith',
  'break',
  'continue',
]);

/** The value of a variable: the asset's variable, else the written fallback, else null. */
export function resolveVariable(
  use: Pick<VariableUse, 'name' | 'fallback'>,
  variables: Record<string, string>,
): string | null {
  return Object.hasOwn(variables, use.name) ? variables[use.name] : use.fallback;
}

/**
 * Substitutes each `{% name %}` / `{% name:fallback %}` found outside code. An unknown one
 * without a fallback stays as written and is reported as a warning (a bare template keyword
 * such as `{% endif %}` stays without one).
 */
export function substituteVariables(
  uses: VariableUse[],
  variables: Record<string, string>,
): { edits: Edit[]; findings: LocatedFinding[] } {
  const edits: Edit[] = [];
  const findings: LocatedFinding[] = [];
  for (const use of uses) {
    const value = resolveVariable(use, variables);
    if (value !== null) edits.push({ start: use.start, end: use.end, text: value });
    else if (!TEMPLATE_KEYWORDS.has(use.name)) {
      findings.push({
        severity: 'warning',
        rule: 'variable-unknown',
        message: `unknown variable {% ${use.name} %} (no value for this language, no default)`,
        offset: use.start,
      });
    }
  }
  return { edits, findings };
}

/** `text` with its known variables substituted (for a URL that is rewritten as a whole). */
export function substituteInText(text: string, variables: Record<string, string>): string {
  const uses: VariableUse[] = [];
  scanVariables(text, 0, text.length, uses);
  let result = '';
  let last = 0;
  for (const use of uses) {
    const value = resolveVariable(use, variables);
    if (value === null) continue;
    result += text.slice(last, use.start) + value;
    last = use.end;
  }
  return result + text.slice(last);
}
