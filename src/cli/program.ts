import { Command } from 'commander';

/**
 * Builds the registry-sync command line. Each command lives in its own file under commands/ and
 * registers itself here.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command('registry-sync')
    .description('Keep the registry of learning assets in step with their READMEs on GitHub')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions();

  const registrations = [
    // Each entry: a module under ./commands/ exporting `register(program)`.
    import('./commands/migrate.js'),
    import('./commands/app.js'),
    import('./commands/sweep-commands.js'),
    import('./commands/assets.js'),
    import('./commands/owners.js'),
    import('./commands/status.js'),
    import('./commands/demo.js'),
    import('./commands/variables.js'),
    import('./commands/worker.js'),
  ];
  for (const registration of await Promise.all(registrations)) registration.register(program);
  return program;
}
