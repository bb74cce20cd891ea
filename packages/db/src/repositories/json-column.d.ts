/**
 * JSON text columns. Every `*_json` column is written only by this package from a typed value,
 * so reading it back as that type is the one place a parsed value is trusted without a schema.
 */
export declare function readJson<T>(text: string): T;
export declare function writeJson(value: unknown): string;
/** Booleans are stored as 0/1 integers in both dialects. */
export declare function toBool(value: number): boolean;
export declare function fromBool(value: boolean): number;
