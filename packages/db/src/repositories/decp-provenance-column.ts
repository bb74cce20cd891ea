/**
 * `running_contracts.decp_provenance`: the `explainDecpProvenance` sentences joined by "\n" (none
 * contains a line break), NULL when there is none so the ~99 % of plain contracts store nothing.
 */
export function writeDecpProvenance(lines: readonly string[]): string | null {
  return lines.length === 0 ? null : lines.join('\n');
}

export function readDecpProvenance(text: string | null): string[] {
  return text === null || text === '' ? [] : text.split('\n');
}
