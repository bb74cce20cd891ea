import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@mutualis/core';
import { z } from 'zod';

/** Typed configuration of the HTTP server, read once from the environment by the entry point. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Optional HMAC key mixed into session-token hashes; plain SHA-256 when absent. */
  sessionSecret: string | null;
  sessionTtlHours: number;
  /** `auto`: Secure cookie when the request came over https (see trustProxy). */
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Built web app to serve; null to serve the API only. */
  webDistDir: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Where uploaded import files wait between their preview and their confirmation. */
  importDir: string;
  /** Public address of the instance (`https://mutualis.example.fr`, no trailing slash) for links sent to users; null: the request's own. */
  publicUrl: string | null;
  /** Outgoing e-mail; null when not configured (one-time links are then copied by hand). */
  mail: MailConfig | null;
}

/** SMTP relay and sender of the e-mails Mutualis sends (invitations, password resets, census notices). */
export interface MailConfig {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS). */
  smtpUrl: string;
  /** The From header, e.g. `Mutualis <no-reply@territoire.fr>`. */
  from: string;
}

/** `aaaa…`, `0123456789…` repeated or a short word repeated to 32 characters are refused. */
const MIN_SECRET_DISTINCT_CHARS = 12;

const booleanText = z.enum(['true', 'false', '1', '0'], { error: 'true ou false attendu' }).transform((v) => v === 'true' || v === '1');

// Defaults live here and only here; .env.example documents each variable.
const envSchema = z.object({
  PORT: z.coerce.number({ error: 'nombre attendu' }).int('entier attendu').min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'sqlite:<chemin> ou postgres://… attendu')
    .default('sqlite:./data/mutualis.db'),
  // No default: a secret never lives in the repository. A set one must be long and not a repeated pattern.
  SESSION_SECRET: z
    .string()
    .min(32, { error: '32 caractères au moins', abort: true })
    .refine((secret) => new Set(secret).size >= MIN_SECRET_DISTINCT_CHARS, 'secret trop prévisible (générez-le : openssl rand -base64 48)')
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'nombre attendu' })
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never'], { error: 'auto, always ou never attendu' }).default('auto'),
  TRUST_PROXY: booleanText.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number({ error: 'nombre attendu' })
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  WEB_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  IMPORT_DIR: z.string().min(1).default(join(tmpdir(), 'mutualis-imports')),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, 'adresse http(s)://… sans paramètres attendue')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?\S*)?$/, 'smtp://utilisateur:motdepasse@hôte:587 ou smtps://… attendu')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
});

/**
 * Reads the server configuration from `env`. Throws `invalid_config` listing every bad variable
 * (`details.issues[].field` is the variable name).
 */
export function loadConfig(env: Record<string, string | undefined>, defaults: { webDistDir?: string } = {}): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'env'), reason: issue.message }));
    const list = issues.map((i) => `${i.field} (${i.reason})`).join(', ');
    throw new DomainError('invalid_config', `Variables d’environnement invalides : ${list}`, { issues });
  }
  const e = parsed.data;
  if (e.SMTP_URL !== undefined && e.MAIL_FROM === undefined) {
    const issues = [{ field: 'MAIL_FROM', reason: 'obligatoire avec SMTP_URL (ex. Mutualis <no-reply@territoire.fr>)' }];
    throw new DomainError('invalid_config', 'Variables d’environnement invalides : MAIL_FROM (obligatoire avec SMTP_URL)', { issues });
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    webDistDir: e.WEB_DIST_DIR ?? defaults.webDistDir ?? null,
    logLevel: e.LOG_LEVEL,
    importDir: e.IMPORT_DIR,
    publicUrl: e.PUBLIC_URL ?? null,
    mail: e.SMTP_URL !== undefined && e.MAIL_FROM !== undefined ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
  };
}

/**
 * The address absolute links of public documents start with (ICS URL and UID, OCDS uri):
 * PUBLIC_URL, else this machine's own address — never the request's Host header, which a client
 * chooses.
 */
export function publicBaseUrl(config: Pick<ServerConfig, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
