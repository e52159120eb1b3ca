// Preloaded with `node --import` into each command that bench/cli-weight.ts times: at exit it appends the
// process's peak resident memory (getrusage's maxrss, in bytes) to the file named by BENCH_PEAK_RSS_FILE.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
