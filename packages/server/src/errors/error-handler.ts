import type { FastifyInstance } from 'fastify';
import { ERROR_STATUS } from './error-status';
import { toDomainError } from './to-domain-error';

/** Installs the one error handler (`{ code, message, details }`) and the JSON 404 of the API. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const domainError = toDomainError(error);
    const status = ERROR_STATUS[domainError.code];
    if (domainError.code === 'unavailable') request.log.warn({ err: error }, 'database unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    const headers = domainError.details?.retryAfterSeconds ? { 'retry-after': String(domainError.details.retryAfterSeconds) } : {};
    return reply
      .code(status)
      .headers(headers)
      .send({ code: domainError.code, message: domainError.message, details: domainError.details ?? {} });
  });
}
