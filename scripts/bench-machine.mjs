// What every benchmark prints about the machine, the same way: numbers mean little without the CPU,
// the core count and how busy the machine was while they were measured.
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';

/** CPU, cores, memory, OS and Node, as data (stored in the JSON results) and as one line of text. */
export function describeMachine(extra = {}) {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()} ${process.arch}`,
    node: process.version,
    ...extra,
  };
  const text = [
    machine.cpu,
    `${machine.cores} cores`,
    `${machine.memoryGiB} GiB`,
    machine.os,
    `Node ${machine.node}`,
    ...Object.values(extra),
  ].join(', ');
  return { machine, text };
}

/** The 1, 5 and 15 minute load averages, for "load average at start/end" lines. */
export function loadAverages() {
  return loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
}
