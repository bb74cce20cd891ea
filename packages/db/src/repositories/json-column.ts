/**
 * JSON text columns. Every `*_json` column is written only by this package from a typed value,
 * so reading it back as that type is the one place a parsed value is trusted without a schema.
 */
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Booleans are stored as 0/1 integers in both dialects. */
export function toBool(value: number): boolean {
  return value !== 0;
}

export function fromBool(value: boolean): number {
  return value ? 1 : 0;
}
