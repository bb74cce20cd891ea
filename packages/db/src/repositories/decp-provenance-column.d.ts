/**
 * `running_contracts.decp_provenance`: the `explainDecpProvenance` sentences joined by "\n" (none
 * contains a line break), NULL when there is none so the ~99 % of plain contracts store nothing.
 */
export declare function writeDecpProvenance(lines: readonly string[]): string | null;
export declare function readDecpProvenance(text: string | null): string[];
