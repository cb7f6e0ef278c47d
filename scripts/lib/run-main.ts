/**
 * Runs a script's main function and turns a failure into a one-line message and exit code 1, so operators
 * see what went wrong rather than a stack trace (set DEBUG=1 for the trace).
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\n✖ ${message}`);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}
