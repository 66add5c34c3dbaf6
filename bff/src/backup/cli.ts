/** The shape of `npm run backup` and `npm run restore`: a main that returns the exit code; failures are one line. */
export function usage(message: string): number {
  console.error(message);
  return 2;
}

export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`${name} failed: ${err.message}`);
      process.exit(1);
    },
  );
}
