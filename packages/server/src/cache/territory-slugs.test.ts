import { describe, expect, it } from 'vitest';
import { TerritorySlugs } from './territory-slugs';
import { TerritoryVersions } from './territory-versions';

/** A slug → id table standing for the territories table, counting its reads. */
function table(rows: Record<string, string>) {
  const reads: string[] = [];
  const load = async (slug: string) => {
    reads.push(slug);
    const id = rows[slug];
    return id === undefined ? undefined : { id };
  };
  return { rows, reads, load };
}

describe('TerritorySlugs', () => {
  it('reads a slug once while its territory is unchanged', async () => {
    const ids = new TerritorySlugs(new TerritoryVersions());
    const t = table({ alsace: 't-1' });
    expect(await ids.idOf('alsace', t.load)).toBe('t-1');
    expect(await ids.idOf('alsace', t.load)).toBe('t-1');
    expect(t.reads).toEqual(['alsace']);
  });

  it('reads again after a write to the territory, or a write with no territory scope', async () => {
    const versions = new TerritoryVersions();
    const ids = new TerritorySlugs(versions);
    const t = table({ alsace: 't-1' });
    await ids.idOf('alsace', t.load);
    // A rename through the API invalidates the territory: the old slug must stop resolving.
    t.rows.alsace = 't-2';
    versions.invalidate('t-1');
    expect(await ids.idOf('alsace', t.load)).toBe('t-2');
    delete t.rows.alsace;
    versions.invalidateAll();
    expect(await ids.idOf('alsace', t.load)).toBeNull();
    expect(t.reads).toEqual(['alsace', 'alsace', 'alsace']);
  });

  it('does not remember an unknown slug, nor a row read while a territory was invalidated', async () => {
    const versions = new TerritoryVersions();
    const ids = new TerritorySlugs(versions);
    const t = table({});
    expect(await ids.idOf('charente', t.load)).toBeNull();
    t.rows.charente = 't-9';
    expect(await ids.idOf('charente', t.load)).toBe('t-9');
    // A write lands while the row is being read: the row may predate it.
    const racing = async (slug: string) => {
      const row = await t.load(slug);
      versions.invalidate('t-9');
      return row;
    };
    const fresh = new TerritorySlugs(versions);
    expect(await fresh.idOf('charente', racing)).toBe('t-9');
    expect(await fresh.idOf('charente', t.load)).toBe('t-9');
    expect(t.reads).toEqual(['charente', 'charente', 'charente', 'charente']);
  });

  it('reads again after two seconds (writes no process reports, on PostgreSQL)', async () => {
    let now = 0;
    const ids = new TerritorySlugs(new TerritoryVersions(), () => now);
    const t = table({ alsace: 't-1' });
    await ids.idOf('alsace', t.load);
    now = 2_000;
    await ids.idOf('alsace', t.load);
    now = 4_001;
    await ids.idOf('alsace', t.load);
    expect(t.reads).toEqual(['alsace', 'alsace']);
  });

  it('keeps an entry past two seconds once every writer is reported (SQLite)', async () => {
    let now = 0;
    const ids = new TerritorySlugs(new TerritoryVersions(), () => now);
    ids.keepUntilInvalidated();
    const t = table({ alsace: 't-1' });
    await ids.idOf('alsace', t.load);
    now = 3_600_000;
    await ids.idOf('alsace', t.load);
    expect(t.reads).toEqual(['alsace']);
  });
});
