import { runCli } from './cli/cli';

/** One entry point: `--stdio`/`--node-ipc` start the language server, anything else is the CLI. */
export function main(argv: string[]): void {
  if (argv.includes('--stdio') || argv.includes('--node-ipc') || argv.some((a) => a.startsWith('--socket') || a.startsWith('--clientProcessId'))) {
    // Loaded lazily so the CLI's cold start does not pay for the language server.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require('./lsp/server').startServer();
    return;
  }
  // `hipaa-lint . | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = runCli(argv, {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    readStdin: () => require('fs').readFileSync(0),
  });
  process.exitCode = code;
}

// `node out/server/src/main.js --stdio` (tests, benchmarks, other editors) starts the same entry point.
if (require.main === module) main(process.argv.slice(2));
