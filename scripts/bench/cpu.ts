/**
 * Who used the CPU during a measurement: the load generator (this process), the server, the
 * benchmark's PostgreSQL, and everything else on the machine. The machine is shared (other
 * sessions' tests and type checks may run on the same 2 cores), so every figure carries the
 * share of CPU that other processes took while it was measured.
 */
import fs from 'node:fs';

const HZ = 100; // USER_HZ on Linux

interface Proc { ppid: number; self: number; children: number }

export interface CpuSnapshot { at: number; busy: number; mine: number; groups: Record<string, number> }

function totalBusyTicks(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …
  return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
}

function processTable(): Map<number, Proc> {
  const table = new Map<number, Proc>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(rest[1]), self: Number(rest[11]) + Number(rest[12]), children: Number(rest[13]) + Number(rest[14]) });
    } catch { /* gone */ }
  }
  return table;
}

/** ticks of a process and all its live descendants, plus what reaped descendants left in cutime/cstime */
function subtree(table: Map<number, Proc>, kids: Map<number, number[]>, root: number, includeRootChildren = true): number {
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = table.get(pid);
    if (!p) continue;
    ticks += p.self + (pid !== root || includeRootChildren ? p.children : 0);
    stack.push(...(kids.get(pid) ?? []));
  }
  return ticks;
}

/** groups: name → root pid of a process tree to account separately (e.g. server, postgres) */
export function cpuSnapshot(groups: Record<string, number | null> = {}): CpuSnapshot {
  try {
    const table = processTable();
    const kids = new Map<number, number[]>();
    for (const [pid, p] of table) {
      const list = kids.get(p.ppid) ?? [];
      list.push(pid);
      kids.set(p.ppid, list);
    }
    const out: Record<string, number> = { loadgen: table.get(process.pid)?.self ?? 0 };
    for (const [name, pid] of Object.entries(groups)) if (pid) out[name] = subtree(table, kids, pid);
    return { at: performance.now(), busy: totalBusyTicks(), mine: subtree(table, kids, process.pid), groups: out };
  } catch {
    return { at: performance.now(), busy: NaN, mine: NaN, groups: {} };
  }
}

export interface CpuUse {
  /** average cores used by other processes during the window */
  otherCores: number;
  /** average cores used by the benchmark's own tree (load generator + server + PostgreSQL) */
  ownCores: number;
  /** average cores per group: loadgen (this process), server, postgres */
  cores: Record<string, number>;
}

export function cpuSince(start: CpuSnapshot, end: CpuSnapshot): CpuUse {
  const wallS = (end.at - start.at) / 1000;
  const r = (x: number) => Math.round(x * 100) / 100;
  const busyS = (end.busy - start.busy) / HZ;
  const mineS = (end.mine - start.mine) / HZ;
  const cores: Record<string, number> = {};
  for (const k of Object.keys(end.groups)) if (k in start.groups) cores[k] = r((end.groups[k] - start.groups[k]) / HZ / wallS);
  return { otherCores: r(Math.max(0, busyS - mineS) / wallS), ownCores: r(mineS / wallS), cores };
}

/** the postmaster's pid, from the data directory's postmaster.pid */
export function postmasterPid(pgDataDir: string): number | null {
  try {
    return Number(fs.readFileSync(`${pgDataDir}/postmaster.pid`, 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}
