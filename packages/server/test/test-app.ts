import { CLIENT_HEADER, CLIENT_HEADER_VALUE, SESSION_COOKIE } from '@mutualis/contract';
import type { DialectName } from '@mutualis/db';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DialectTestContext, forEachDialect, openTestDatabase, type TestDatabase } from '../../db/test/dialects';
import { buildApp } from '../src/app/build-app';
import { loadConfig } from '../src/config/load-config';
import type { Mailer } from '../src/mail';
import { buildWorld, type LoggedPersona, PERSONAS, type Persona, TEST_PASSWORD, type World } from './world';

export * from './world';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Requests as one persona: its session cookie and the CSRF header are added. */
export interface Client {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body: unknown): Promise<Response>;
  put(url: string, body: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

export interface AppTestContext extends DialectTestContext {
  readonly app: FastifyInstance;
  readonly world: World;
  as(persona: Persona): Client;
}

export interface AppTestOptions {
  /** Environment of the app (BODY_LIMIT_BYTES, …). */
  env?: Record<string, string>;
  /** Authorization logic does not depend on the dialect: such suites run on SQLite only. */
  sqliteOnly?: boolean;
  /** The app's clock (default: the real one). */
  now?: () => Date;
  /** The app's mailer (default: from SMTP_URL in `env`, else none). */
  mailer?: Mailer | null;
}

/** Declares the suite per tested dialect with a real app, a seeded world and a logged-in client per persona. */
export function describeApp(name: string, body: (t: AppTestContext) => void, options: AppTestOptions = {}): void {
  if (options.sqliteOnly) {
    describe(`${name} [sqlite]`, () => withApp(body, options, sqliteContext()));
    return;
  }
  forEachDialect(name, (db) => withApp(body, options, db));
}

function sqliteContext(): DialectTestContext {
  let current: TestDatabase | undefined;
  const ready = () => {
    if (!current) throw new Error('test database used before beforeAll');
    return current;
  };
  beforeAll(async () => {
    current = await openTestDatabase('sqlite' satisfies DialectName);
  });
  afterAll(async () => {
    await current?.dispose();
  });
  return {
    dialect: 'sqlite',
    get url() {
      return ready().url;
    },
    get m() {
      return ready().m;
    },
    get repos() {
      return ready().repos;
    },
  };
}

function withApp(body: (t: AppTestContext) => void, options: AppTestOptions, db: DialectTestContext): void {
  let app: FastifyInstance | undefined;
  let world: World | undefined;
  const cookies = new Map<Persona, string>();
  beforeAll(async () => {
    app = await buildApp({
      database: db.m,
      config: loadConfig({ LOG_LEVEL: 'silent', ...options.env }),
      logger: false,
      ...(options.now ? { now: options.now } : {}),
      ...(options.mailer !== undefined ? { mailer: options.mailer } : {}),
    });
    world = await buildWorld(db.repos);
    for (const persona of PERSONAS) {
      if (persona !== 'anonymous') cookies.set(persona, await logIn(app, world.emails[persona]));
    }
  });
  afterAll(async () => {
    await app?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('app used before beforeAll');
    return value;
  };
  body({
    dialect: db.dialect,
    get url() {
      return db.url;
    },
    get m() {
      return db.m;
    },
    get repos() {
      return db.repos;
    },
    get app() {
      return ready(app);
    },
    get world() {
      return ready(world);
    },
    as: (persona) =>
      clientFor(
        () => ready(app),
        () => cookies.get(persona),
      ),
  });
}

/** Logs in through the API and returns the session cookie value. */
export async function logIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (response.statusCode !== 200 || !cookie) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  return cookie.value;
}

/** A client logged in as `email` on `app`, its session cookie read once at login. */
export async function loggedInClient(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  const cookie = await logIn(app, email, password);
  return clientFor(
    () => app,
    () => cookie,
  );
}

export function clientFor(getApp: () => FastifyInstance, getCookie: () => string | undefined): Client {
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const cookie = getCookie();
    const options: InjectOptions = {
      method,
      url,
      headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE, ...headers },
      ...(cookie ? { cookies: { [SESSION_COOKIE]: cookie } } : {}),
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    };
    return getApp().inject(options);
  };
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body),
    put: (url, body) => request('PUT', url, body),
    delete: (url) => request('DELETE', url),
  };
}

/** The field names of a validation error answer. */
export function fieldsOf(response: Response): string[] {
  const body = response.json() as { details?: { issues?: { field: string }[] } };
  return (body.details?.issues ?? []).map((i) => i.field);
}

/**
 * Every number in a JSON answer, wherever it sits. Tests that a hidden amount or price is absent
 * look here rather than in the raw text, where random UUIDs may contain the same digits.
 */
export function numbersIn(response: Response): number[] {
  const found: number[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'number') found.push(value);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visit(item);
  };
  visit(response.json());
  return found;
}

export type { LoggedPersona };
