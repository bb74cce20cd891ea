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
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  it('exits 2 on an unknown command or flag', async () => {
    expect(await main(['fly'], env, out)).toBe(2);
    expect(await main(['demo', '--bogus'], env, out)).toBe(2);
  });

  it('maps an invalid configuration to exit status 78', async () => {
    expect(await main(['migrate'], { DATABASE_URL: 'mysql://nope' }, out)).toBe(78);
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
