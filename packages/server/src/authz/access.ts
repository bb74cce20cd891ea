import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../app/server-context';
import type { Actor, Scope } from './actor';
import type { Action } from './policy';

/** Turns a request (params, query, parsed body) into the scope it touches; null when it does not exist. */
export type ScopeResolver = (request: FastifyRequest, ctx: ServerContext, actor: Actor) => Promise<Scope | null>;

/** The access policy every route declares in `config.access`. */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'admin' }
  | { kind: 'policy'; action: Action; scope: ScopeResolver };

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
/** Instance administrators only (territories and their facilitators). */
export const ADMIN: Access = { kind: 'admin' };
export function policy(action: Action, scope: ScopeResolver): Access {
  return { kind: 'policy', action, scope };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The logged-in caller; set before validation for every non-public route. */
    actor: Actor | null;
    /** The scope the route's policy resolved and allowed. */
    scope: Scope | null;
  }
}
