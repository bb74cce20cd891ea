import { DomainError } from '@mutualis/core';
import { describe, expect, it } from 'vitest';
import { loadConfig, publicBaseUrl } from './load-config';

describe('loadConfig', () => {
  it('falls back to port 3000 and the SQLite file under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('sqlite:./data/mutualis.db');
    expect(config.sessionSecret).toBeNull();
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', COOKIE_SECURE: 'always', TRUST_PROXY: 'true' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h/db', cookieSecure: 'always', trustProxy: true });
  });

  it('takes the public URL from PUBLIC_URL without its trailing slash, else localhost on the port', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://mutualis.example.fr/' }).publicUrl).toBe('https://mutualis.example.fr');
    expect(loadConfig({ PUBLIC_URL: 'https://example.fr/achats' }).publicUrl).toBe('https://example.fr/achats');
    expect(publicBaseUrl(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicBaseUrl(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://example.fr/achats/' }))).toBe('https://example.fr/achats');
  });

  it.each(['mutualis.example.fr', 'ftp://example.fr', 'https://example.fr/?x=1', 'https://example.fr/#a'])(
    'refuses PUBLIC_URL=%s naming the variable',
    (url) => {
      expect(() => loadConfig({ PUBLIC_URL: url })).toThrow(/PUBLIC_URL/);
    },
  );

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe('invalid_config');
    expect(domainError.details?.issues?.map((i) => i.field).sort()).toEqual(['DATABASE_URL', 'PORT', 'SESSION_SECRET']);
    expect(domainError.message).toContain('PORT');
  });

  it('reads the public address and the SMTP relay, and leaves e-mail off without them', () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: null, mail: null });
    const config = loadConfig({
      PUBLIC_URL: 'https://mutualis.pays-basque.fr/',
      SMTP_URL: 'smtp://mutualis:secret@smtp.pays-basque.fr:587',
      MAIL_FROM: 'Mutualis <no-reply@pays-basque.fr>',
    });
    expect(config.publicUrl).toBe('https://mutualis.pays-basque.fr');
    expect(config.mail).toEqual({ smtpUrl: 'smtp://mutualis:secret@smtp.pays-basque.fr:587', from: 'Mutualis <no-reply@pays-basque.fr>' });
  });

  it('refuses an SMTP relay without a sender, and addresses that are not URLs', () => {
    const fieldsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return ((error as DomainError).details?.issues ?? []).map((i) => i.field).sort();
      }
    };
    expect(fieldsOf({ SMTP_URL: 'smtp://h:25' })).toEqual(['MAIL_FROM']);
    expect(fieldsOf({ SMTP_URL: 'mailto:x@y', PUBLIC_URL: 'mutualis.fr' })).toEqual(['PUBLIC_URL', 'SMTP_URL']);
  });
});
