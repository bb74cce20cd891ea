import { type Expression, type RawBuilder, type SqlBool } from 'kysely';
/** Pagination of a list: at most `limit` items after skipping `offset`. */
export interface ListPage {
  limit: number;
  offset: number;
}
/** One page of items and the total number of items matching the filter. */
export interface ListResult<T> {
  items: T[];
  total: number;
}
export declare const DEFAULT_PAGE: ListPage;
/**
 * Case-insensitive substring match of `column` against user text, with `%`, `_` and `\`
 * escaped, identical on both dialects (ASCII case folding: SQLite's lower() ignores accents' case).
 */
export declare function containsText(column: Expression<string>, text: string): RawBuilder<SqlBool>;
/** Prefix match (`cpv_code` starts with `prefix`), wildcards escaped. */
export declare function startsWith(column: Expression<string>, prefix: string): RawBuilder<SqlBool>;
