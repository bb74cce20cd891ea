// A closed-loop HTTP/1.1 load generator on raw keep-alive sockets. node:http's client costs about
// 1 ms of CPU per request here, as much as the server it measures; on a 2-core machine that starved
// the server. This client writes pre-built requests and reads only the status line and the body
// length (content-length or chunked), so its cost per request is a few tens of microseconds.
// Latency = from writing the request to receiving the last byte of the answer.
import { connect, type Socket } from 'node:net';

export interface LoadTarget {
  name: string;
  path: string;
}

export interface DriveOptions {
  host: string;
  port: number;
  /** Headers sent with every request of client number `client` (its session cookie, the CSRF header…). */
  headersOf: (client: number) => Record<string, string>;
  targets: readonly LoadTarget[];
  clients: number;
  seconds: number;
  /** An answer slower than this counts as an error and its connection is replaced. */
  timeoutMs?: number;
  /** Stops early once this settles (e.g. the import the load runs beside has ended). */
  until?: Promise<unknown>;
}

export interface DriveResult {
  /** Latencies in ms of the successful (2xx) answers, per target name. */
  latencies: Record<string, number[]>;
  /** Failed requests (non-2xx status, socket error, timeout) per target name. */
  errors: Record<string, number>;
  /** Failures by cause: an HTTP status, `socket` or `timeout`. */
  errorCauses: Record<string, number>;
  elapsedSeconds: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

/** Where the answer at the start of `buffer` ends, or -1 while incomplete; and its status. */
export function parseAnswer(buffer: Buffer): { end: number; status: number } {
  const headerEnd = buffer.indexOf(HEADER_END);
  if (headerEnd < 0) return { end: -1, status: 0 };
  const head = buffer.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + HEADER_END.length;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length?.[1] !== undefined) {
    const end = bodyStart + Number(length[1]);
    return { end: buffer.length >= end ? end : -1, status };
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buffer.indexOf(CHUNKED_END, bodyStart - 2);
    return { end: last < 0 ? -1 : last + CHUNKED_END.length, status };
  }
  // No body framing: only bodiless answers (204, 304) are expected here.
  return { end: bodyStart, status };
}

/** `clients` connections, each sending its next request once the previous answer is complete, until the deadline. */
export async function driveClosedLoop(options: DriveOptions): Promise<DriveResult> {
  const { host, port, targets, clients, seconds, timeoutMs = 10_000 } = options;
  const requestsOf = (client: number) => {
    const headerLines = Object.entries({ host: `${host}:${port}`, connection: 'keep-alive', ...options.headersOf(client) })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    return targets.map((t) => Buffer.from(`GET ${t.path} HTTP/1.1\r\n${headerLines}\r\n`, 'latin1'));
  };
  const latencies: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  const errors: Record<string, number> = Object.fromEntries(targets.map((t) => [t.name, 0]));
  const errorCauses: Record<string, number> = {};
  const countError = (target: number, cause: string) => {
    const name = targets[target]?.name ?? '?';
    errors[name] = (errors[name] ?? 0) + 1;
    errorCauses[cause] = (errorCauses[cause] ?? 0) + 1;
  };
  // Every connection is open before the clock starts (as a browser's would be): opened while the
  // server serves the others, the last connections' first answers waited seconds to be accepted.
  const initial = await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ host, port, noDelay: true });
          socket.once('connect', () => {
            socket.removeAllListeners('error');
            resolve(socket);
          });
          socket.once('error', reject);
        }),
    ),
  );
  const started = performance.now();
  let deadline = started + seconds * 1000;
  void options.until?.finally(() => {
    deadline = Math.min(deadline, performance.now());
  });

  const runClient = (index: number, first: Socket) =>
    new Promise<void>((resolve) => {
      const requests = requestsOf(index);
      let next = index;
      let socket: Socket;
      let buffer: Buffer = Buffer.alloc(0);
      let current = 0;
      let sentAt = 0;
      let timer: NodeJS.Timeout | undefined;
      const fail = (cause: string) => {
        countError(current, cause);
        socket.removeAllListeners();
        socket.destroy();
        open();
      };
      const send = () => {
        if (performance.now() >= deadline) {
          socket.removeAllListeners();
          socket.end();
          resolve();
          return;
        }
        current = next % targets.length;
        next += 1;
        buffer = Buffer.alloc(0);
        timer = setTimeout(() => fail('timeout'), timeoutMs);
        sentAt = performance.now();
        socket.write(requests[current] as Buffer);
      };
      const onData = (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        const { end, status } = parseAnswer(buffer);
        if (end < 0) return;
        const ms = performance.now() - sentAt;
        clearTimeout(timer);
        const name = targets[current]?.name ?? '?';
        if (status >= 200 && status < 300) latencies[name]?.push(ms);
        else countError(current, String(status));
        send();
      };
      const listen = () => {
        socket.on('data', onData);
        socket.on('error', () => fail('socket'));
        socket.on('close', () => fail('socket'));
      };
      const open = () => {
        clearTimeout(timer);
        if (performance.now() >= deadline) {
          resolve();
          return;
        }
        socket = connect({ host, port, noDelay: true });
        socket.on('connect', send);
        listen();
      };
      socket = first;
      listen();
      send();
    });

  await Promise.all(initial.map((socket, c) => runClient(c, socket)));
  return { latencies, errors, errorCauses, elapsedSeconds: (performance.now() - started) / 1000 };
}
