import type { DemoLoadResult } from '@mutualis/server';

/** Prints the demo territories and accounts, with their shared password. */
export function printDemoAccounts(result: DemoLoadResult, out: (line: string) => void): void {
  out(`Démonstration chargée : ${result.territories.map((t) => `${t.name} (${t.slug})`).join(', ')}`);
  out('Comptes de démonstration :');
  for (const account of result.accounts) {
    const roles = [
      ...(account.isAdmin ? ['administrateur de l’instance'] : []),
      ...account.roles.map((r) => `${r.role}@${r.territorySlug}`),
    ].join(', ');
    out(`  ${account.email.padEnd(40)} ${roles}`);
  }
  const password = result.accounts[0]?.password;
  if (password) out(`Mot de passe de tous les comptes : ${password}`);
}
