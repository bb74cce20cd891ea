import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createRepositories } from '@mutualis/db';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'mutualis-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.db')}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mutualis command', () => {
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

  it('exits 2 on an unknown command or flag', async () => {
    expect(await main(['fly'], env, out)).toBe(2);
    expect(await main(['demo', '--bogus'], env, out)).toBe(2);
  });

  it('maps an invalid configuration to exit status 78', async () => {
    expect(await main(['migrate'], { DATABASE_URL: 'mysql://nope' }, out)).toBe(78);
  });

  it('refuses several server processes on PostgreSQL, whose caches would not see the other processes’ writes', async () => {
    // The check comes before any connection: no PostgreSQL needs to listen on this port.
    const pg = { DATABASE_URL: 'postgres://mutualis@127.0.0.1:1/absent' };
    expect(await main(['serve', '--no-demo', '--workers', '2'], pg, out)).toBe(78);
    expect(String(errors.mock.lastCall?.[0])).toContain('--workers 2 : plusieurs processus ne sont possibles qu’avec SQLite');
  });

  it('refuses several server processes on an in-memory SQLite database, which each would open anew', async () => {
    expect(await main(['serve', '--no-demo', '--workers', '2'], { DATABASE_URL: 'sqlite::memory:' }, out)).toBe(78);
    expect(String(errors.mock.lastCall?.[0])).toContain('une base SQLite en mémoire ne se partage pas entre processus');
  });

  it('refuses a --workers value that is not 1 to 64 or auto (exit status 65)', async () => {
    for (const bad of ['0', '65', '1.5', 'deux']) {
      expect(await main(['serve', '--no-demo', '--workers', bad], env, out)).toBe(65);
      expect(String(errors.mock.lastCall?.[0])).toContain(`--workers : entier de 1 à 64 ou auto attendu, reçu « ${bad} »`);
    }
  });

  it('migrates, loads the demo once, and reloads it with --reset without duplicating it', async () => {
    expect(await main(['migrate'], env, out)).toBe(0);
    expect(await main(['demo'], env, out)).toBe(0);
    expect(lines.join('\n')).toContain('mutualis-demo');
    expect(await main(['demo', '--reset'], env, out)).toBe(0);
    const database = await createDatabase(env.DATABASE_URL);
    try {
      const territories = await createRepositories(database).territories.list();
      expect(territories.map((t) => t.slug).sort()).toEqual(['alsace', 'charente']);
    } finally {
      await database.close();
    }
  });
});
