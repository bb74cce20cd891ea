import type { Cluster, Worker } from 'node:cluster';
import { type LoginGate, LoginRateLimiter } from './login-rate-limiter';

/** What the login route needs of a failed-login counter, in this process or in the cluster's primary. */
export interface LoginLimiter {
  check(email: string, ip: string): LoginGate | Promise<LoginGate>;
  recordFailure(email: string, ip: string): void | Promise<void>;
  reset(email: string, ip: string): void | Promise<void>;
}

type Operation = 'check' | 'recordFailure' | 'reset';

interface LimiterRequest {
  kind: 'mutualis:login-limiter';
  id: number;
  operation: Operation;
  email: string;
  ip: string;
}

interface LimiterReply {
  kind: 'mutualis:login-limiter-reply';
  id: number;
  gate: LoginGate | null;
}

function isRequest(message: unknown): message is LimiterRequest {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'kind') === 'mutualis:login-limiter';
}

function isReply(message: unknown): message is LimiterReply {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'kind') === 'mutualis:login-limiter-reply';
}

/**
 * In the primary of `serve --workers N`: the one failed-login counter of all workers, so that
 * the limit (5 failures per e-mail and IP in 15 minutes) holds whichever worker a login reaches.
 */
export function serveLoginLimiterToWorkers(cluster: Cluster, limiter = new LoginRateLimiter()): void {
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isRequest(message)) return;
    const { id, operation, email, ip } = message;
    let gate: LoginGate | null = null;
    if (operation === 'check') gate = limiter.check(email, ip);
    else if (operation === 'recordFailure') limiter.recordFailure(email, ip);
    else limiter.reset(email, ip);
    worker.send({ kind: 'mutualis:login-limiter-reply', id, gate } satisfies LimiterReply);
  });
}

/**
 * In a worker of `serve --workers N`: the counter kept by the primary, asked over the cluster's
 * IPC channel. A recorded failure is acknowledged before the login's answer leaves.
 */
export class ClusterLoginLimiter implements LoginLimiter {
  readonly #pending = new Map<number, (gate: LoginGate | null) => void>();
  #nextId = 0;

  constructor() {
    process.on('message', (message: unknown) => {
      if (!isReply(message)) return;
      this.#pending.get(message.id)?.(message.gate);
      this.#pending.delete(message.id);
    });
  }

  async check(email: string, ip: string): Promise<LoginGate> {
    return (await this.#ask('check', email, ip)) ?? { allowed: true };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.#ask('recordFailure', email, ip);
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.#ask('reset', email, ip);
  }

  #ask(operation: Operation, email: string, ip: string): Promise<LoginGate | null> {
    const send = process.send?.bind(process);
    if (!send) throw new Error('ClusterLoginLimiter runs only in a worker of node:cluster');
    this.#nextId += 1;
    const id = this.#nextId;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      send({ kind: 'mutualis:login-limiter', id, operation, email, ip } satisfies LimiterRequest);
    });
  }
}
