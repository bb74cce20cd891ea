/** A new UUID v4 for a row id. */
export declare function newId(): string;
/**
 * A new UUID v7 (RFC 9562), strictly increasing within this process: 48-bit Unix milliseconds,
 * then a 42-bit counter (method 1 of the RFC, randomly seeded each millisecond), then 32 random
 * bits fixed per process. Bulk imports use it so that primary-key indexes grow at their end
 * instead of at random pages (a random v4 id dirties a different b-tree page on each insert).
 */
export declare function newOrderedId(): string;
