import { resolve } from 'node:path';

/** The file of a `sqlite:<path>` URL (resolved), or null for PostgreSQL and in-memory databases. */
export function sqliteFileOf(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith('sqlite:')) return null;
  const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
  return path === '' || path === ':memory:' ? null : resolve(path);
}

/** How to back up and restore a PostgreSQL database: its own tools, printed by the CLI commands. */
export const POSTGRES_BACKUP_PROCEDURE = [
  'PostgreSQL : utilisez les outils du serveur (pas de copie de fichiers).',
  '  Sauvegarde (cohérente pendant les écritures) :',
  '    pg_dump --format=custom --file=mutualis-$(date +%F).dump "$DATABASE_URL"',
  '  Restauration dans une base vide (serveur Mutualis arrêté) :',
  '    createdb mutualis_restauree',
  '    pg_restore --no-owner --exit-on-error --dbname=postgres://…/mutualis_restauree mutualis-AAAA-MM-JJ.dump',
  '  puis pointez DATABASE_URL vers la base restaurée et redémarrez. Voir docs/operations.md.',
].join('\n');
