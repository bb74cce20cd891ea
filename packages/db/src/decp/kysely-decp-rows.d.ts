import { type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { DecpTransaction } from './decp-row-writer';
/** DECP row operations as multi-row Kysely statements (PostgreSQL: one round trip per statement, not per row). */
export declare function kyselyDecpTransaction(db: Kysely<Database>): DecpTransaction;
