import { parseArgs } from 'node:util';
import { isDomainError } from '@mutualis/core';
import { COMMANDS } from './commands/registry';
import { EXIT_STATUS, EXIT_USAGE } from './exit-status';

function usage(): string {
  return ['usage : mutualis <commande> [options]', ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`)].join('\n');
}

/**
 * Runs `mutualis <command> [flags]` and returns the exit status: 2 for a bad command line,
 * the EXIT_STATUS of a DomainError's code, 70 for anything unexpected.
 */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  out = (line: string) => console.log(line),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    out(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`mutualis : commande inconnue « ${name} » (commandes : ${COMMANDS.map((c) => c.name).join(', ')})`);
    return EXIT_USAGE;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: command.allowPositionals ?? false });
  } catch (error) {
    console.error(`mutualis ${name} : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run({ flags: parsed.values, positionals: parsed.positionals, env, out });
  } catch (error) {
    if (isDomainError(error)) {
      console.error(`mutualis ${name} : ${error.message}`);
      return EXIT_STATUS[error.code];
    }
    console.error(`mutualis ${name} : erreur inattendue : ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_STATUS.internal;
  }
}
