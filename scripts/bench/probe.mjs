// A fixed piece of work whose CPU time tells how fast this machine runs per CPU-second right now.
// On a shared machine a process's CPU time is not a constant of its work: with other processes on
// the same cores, caches, memory bandwidth and the host's scheduling are shared, and the same scan
// of the same build costs more CPU (docs/architecture.md, "Stop 57"). The bench runs this probe
// beside its measured runs so that a figure can be read against the machine's speed at the time.
// The work is deterministic and of the scan's kind: strings sliced and hashed into a Map, objects
// allocated and sorted, a regular expression over text. Prints its CPU ms as one JSON line.
const cpu0 = process.cpuUsage();
let text = '';
for (let i = 0; i < 20_000; i++) text += `import { name${i % 997} } from './folder${i % 89}/module${i}.js';\n`;
const counts = new Map();
let checksum = 0;
for (let round = 0; round < 16; round++) {
  const rows = [];
  for (const m of text.matchAll(/from '([^']+)'/g)) {
    const spec = m[1];
    const folder = spec.slice(0, spec.lastIndexOf('/'));
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
    rows.push({ spec, folder, n: spec.length + round });
  }
  rows.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : a.n - b.n));
  checksum += rows[round].n + JSON.parse(JSON.stringify(rows.slice(0, 2000))).length;
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`${JSON.stringify({ probeCpuMs: (cpu.user + cpu.system) / 1000, checksum })}\n`);
