#!/usr/bin/env node
// The `stepwise` command: registers tsx so the TypeScript sources run as they are. `main` reports
// its own errors; this only catches a failure to load it, in one line rather than a stack trace.
try {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  console.error(`stepwise: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
}
