/**
 * Runs `mutualis <command> [flags]` and returns the exit status: 2 for a bad command line,
 * the EXIT_STATUS of a DomainError's code, 70 for anything unexpected.
 */
export declare function main(argv: string[], env: Record<string, string | undefined>, out?: (line: string) => void): Promise<number>;
