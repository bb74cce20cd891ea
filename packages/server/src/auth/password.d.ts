/** Hashes a password with argon2id (PHC string, salt included). */
export declare function hashPassword(password: string): Promise<string>;
/** True when `password` matches the argon2id `passwordHash`; false for a malformed hash. */
export declare function verifyPassword(passwordHash: string, password: string): Promise<boolean>;
export declare function decoyPasswordHash(): Promise<string>;
