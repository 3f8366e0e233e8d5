// Loaded with `node --require`: writes the process's peak RSS (kB) to $BENCH_RSS_FILE when it exits,
// for the CLI and the floor alike.
const fs = require('fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
