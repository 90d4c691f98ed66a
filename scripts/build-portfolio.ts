import { parseBuildFlags, USAGE } from './lib/build-portfolio-args';

/** `npm run build-portfolio`: parse flags, then run the build (see scripts/lib/build-command.ts). */
async function main(): Promise<void> {
  const flags = parseBuildFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  // Loaded only now: node-llama-cpp and the database driver take seconds to import, and a
  // mistyped flag should get its answer at once.
  const { runBuildCommand } = await import('./lib/build-command');
  await runBuildCommand(flags);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
