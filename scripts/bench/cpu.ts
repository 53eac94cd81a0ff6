/**
 * Who used the CPU during a measurement: this benchmark's own process tree (bench, server,
 * embedded PostgreSQL) versus everything else on the machine. The machine is shared (other
 * sessions' tests and type checks run on the same 2 cores), so every figure carries the
 * share of CPU that other processes took while it was measured.
 */
import fs from 'node:fs';
import os from 'node:os';

const HZ = 100; // USER_HZ on Linux

export interface CpuSnapshot { at: number; busy: number; mine: number }

function totalBusyTicks(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …
  return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
}

function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields after "(comm)": state ppid … utime(14th overall → rest[11]) stime(rest[12]) cutime(rest[13]) cstime(rest[14])
      table.set(Number(name), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]) });
    } catch { /* gone */ }
  }
  return table;
}

/** CPU ticks of this process and all its descendants (children that already exited count through cutime/cstime). */
function myTreeTicks(): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) {
    const list = children.get(p.ppid) ?? [];
    list.push(pid);
    children.set(p.ppid, list);
  }
  let ticks = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = table.get(pid);
    if (p) ticks += p.ticks;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

export function cpuSnapshot(): CpuSnapshot {
  try {
    return { at: performance.now(), busy: totalBusyTicks(), mine: myTreeTicks() };
  } catch {
    return { at: performance.now(), busy: NaN, mine: NaN };
  }
}

export interface CpuUse {
  /** average cores used by other processes during the window (of os.availableParallelism()) */
  otherCores: number;
  /** average cores used by the benchmark's own tree (bench + server + PostgreSQL) */
  ownCores: number;
}

export function cpuSince(start: CpuSnapshot, end = cpuSnapshot()): CpuUse {
  const wallS = (end.at - start.at) / 1000;
  const busyS = (end.busy - start.busy) / HZ;
  const mineS = (end.mine - start.mine) / HZ;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { otherCores: r(Math.max(0, busyS - mineS) / wallS), ownCores: r(mineS / wallS) };
}

export const cores = os.availableParallelism();
