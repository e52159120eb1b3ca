import { writeDepartment } from '../department-plans.ts';
import { measureTick } from '../department-tick.ts';
import { percentile } from '../latency-report.ts';
const cs = writeDepartment('/tmp/bench-scratch/dept', 1000);
const t = await measureTick(cs, 20);
console.log('p50', percentile(t.samplesMs, 50).toFixed(1), 'p99', percentile(t.samplesMs, 99).toFixed(1), 'sent', t.sent);
