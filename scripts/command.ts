/**
 * Runs a command's `main` and sets the process's exit code from it: its own code, or 1 with the
 * error's message (not its stack) when it throws. Shared by scripts/ and bench/.
 */
export function runAsCommand(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
