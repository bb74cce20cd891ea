import fc from 'fast-check';

/** Arbitrary edits of a valid file: truncation, byte flips, inserted garbage, a BOM, invalid UTF-8. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'bom' }
  | { kind: 'invalidUtf8'; at: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('invalidUtf8' as const), at: fc.nat() }),
);

/** `source` with each mutation applied in turn (positions taken modulo the current length). */
export function mutate(source: Uint8Array, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(source);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : ('at' in m ? m.at : 0) % bytes.length;
    if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (m.kind === 'flip') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte]), bytes.subarray(at + 1)]);
    else if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    else if (m.kind === 'bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), bytes.subarray(at)]);
  }
  return bytes;
}

/** A JSON value nested `depth` levels deep in arrays and objects. */
export function deeplyNested(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

/** Reads the error's `code` and the fields and reasons of its `details.issues`, whatever was thrown. */
export function describeThrown(error: unknown): { code: unknown; issues: { field: unknown; reason: unknown }[] } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    details?: { issues?: { field: unknown; reason: unknown }[] };
  };
  return { code: e.code, issues: e.details?.issues ?? [] };
}
