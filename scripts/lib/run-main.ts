/**
 * Runs a script's main function and turns a failure into a one-line message and exit code 1, so operators
 * see what went wrong rather than a stack trace (set DEBUG=1 for the trace).
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => exitWhenFlushed(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\n✖ ${message}`);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      return exitWhenFlushed(1);
    },
  );
}

/**
 * Writes to a pipe are asynchronous in Node: exiting at once would cut a large output (`mailbox list
 * --json | jq`) at whatever the pipe had taken. An empty write's callback runs after everything before it.
 */
async function exitWhenFlushed(code: number): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
  process.exit(code);
}
