/** This process as `<hostname>:<pid>`, so that another process can tell whether it still runs. */
export declare function processTag(): string;
/**
 * Whether the process `tag` names (see `processTag`) may still run: this one, or another of this
 * host that answers signal 0. A process of another host cannot be checked: it counts as running.
 */
export declare function isProcessRunning(tag: string): boolean;
