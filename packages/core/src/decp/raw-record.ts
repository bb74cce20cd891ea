/**
 * Tolerant readers over a raw DECP record (`unknown`): the same field arrives as a JSON number or
 * an XML text, a list as an array, a single object, or a wrapper (`titulaires: [{ titulaire }]`,
 * `techniques: { technique: [...] }`) depending on the format and the publisher.
 */
export type RawObject = Readonly<Record<string, unknown>>;

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `key` when `raw` is an object. */
export function field(raw: unknown, key: string): unknown {
  return isRawObject(raw) ? raw[key] : undefined;
}

/**
 * The object at `key`, or, when `raw` has none, one made of its flattened keys `key.…` (« acheteur.id »):
 * the columns pandas' `json_normalize` writes, which the national consolidation reads as the same field.
 */
export function objectField(raw: RawObject, key: string): unknown {
  const value = raw[key];
  if (value !== undefined) return value;
  const prefix = `${key}.`;
  let flattened: Record<string, unknown> | undefined;
  for (const name in raw)
    if (name.startsWith(prefix)) {
      flattened ??= {};
      flattened[name.slice(prefix.length)] = raw[name];
    }
  return flattened;
}

/** Trimmed non-empty text from a string or a number, else null. */
export function readText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** A finite number from a JSON number or a numeric text ("12", "1 200,50"), else null. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = readText(value);
  if (text === null) return null;
  const parsed = Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}

/** A list from an array, a single value, or nothing. */
export function readList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Items of a possibly wrapped list: `[{titulaire: x}]`, `{titulaire: [x]}`, `{titulaire: x}` and
 * `[x]` all give `[x]` for the wrapper name `titulaire`.
 */
export function readWrappedList(value: unknown, wrapper: string): unknown[] {
  const outer = isRawObject(value) && wrapper in value ? readList(value[wrapper]) : readList(value);
  const items: unknown[] = [];
  for (const item of outer) {
    if (isRawObject(item) && wrapper in item) items.push(...readList(item[wrapper]));
    else items.push(item);
  }
  return items;
}
