import Table from 'cli-table3';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Machine } from './machine';

/** One line of the results table. */
export interface Row {
  case: string;
  concurrency?: number;
  /** Throughput: the median over the repeated runs. */
  rate?: number;
  unit?: string;
  /** Each run's throughput, for the spread. */
  rateRuns?: number[];
  /** Latency percentiles over every request of the repeated runs. */
  p50Ms?: number;
  p99Ms?: number;
  /** A figure that is not a rate (memory, seconds, ratios). */
  value?: string;
  /** Responses that were not the expected result (a new accepted visit, Query, …). */
  notAccepted?: number;
  outcomes?: Record<string, number>;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  ok: boolean;
}

export interface ScenarioResult {
  id: string;
  number: number;
  title: string;
  rows: Row[];
  targets: Target[];
  notes: string[];
  failed?: boolean;
  details?: unknown;
}

export interface BenchReport {
  date: string;
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  revision: string;
  machine: Machine;
  versions: { node: string; postgres: string; postgresKind: string; postgresSettings: Record<string, string> };
  packages: Record<string, string>;
  settings: Record<string, unknown>;
  scenarios: ScenarioResult[];
}

const fmtRate = (row: Row) => {
  if (row.rate === undefined) return '';
  const main = `${Math.round(row.rate)} ${row.unit ?? ''}`.trim();
  if (!row.rateRuns || row.rateRuns.length < 2) return main;
  const low = Math.round(Math.min(...row.rateRuns));
  const high = Math.round(Math.max(...row.rateRuns));
  return `${main} (${low}–${high})`;
};
const fmtMs = (value?: number) => (value === undefined ? '' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const fmtNot = (row: Row) => (row.notAccepted === undefined ? '' : String(row.notAccepted));

export function printReport(report: BenchReport): void {
  const lines: string[] = [''];
  for (const scenario of report.scenarios) {
    lines.push(`${scenario.number}. ${scenario.title}${scenario.failed ? ' — FAILED' : ''}`);
    if (scenario.rows.length > 0) {
      const table = new Table({
        head: ['case', 'c', 'throughput (runs)', 'p50 ms', 'p99 ms', 'value', 'not accepted'],
        style: { head: [], border: [] },
      });
      for (const row of scenario.rows) {
        table.push([
          row.case,
          row.concurrency ?? '',
          fmtRate(row),
          fmtMs(row.p50Ms),
          fmtMs(row.p99Ms),
          row.value ?? '',
          fmtNot(row),
        ]);
      }
      lines.push(table.toString());
    }
    for (const note of scenario.notes) lines.push(`  - ${note}`);
    lines.push('');
  }
  const targets = report.scenarios.flatMap((scenario) => scenario.targets);
  if (targets.length > 0) {
    const table = new Table({ head: ['target', 'goal', 'measured', ''], style: { head: [], border: [] } });
    for (const target of targets) table.push([target.name, target.goal, target.measured, target.ok ? 'OK' : 'MISSED']);
    lines.push('Targets', table.toString(), '');
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** bench/results/<date>.json keeps the day's last quick and last full run side by side. */
export function writeJson(path: string, report: BenchReport, key: string = report.mode): void {
  mkdirSync(dirname(path), { recursive: true });
  let existing: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      existing = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      existing = {};
    }
  }
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...existing, [key]: report }, null, 2) + '\n');
  renameSync(temporary, path);
}

export function markdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(
    `Run of ${report.date} (${report.mode}, ${Math.round(report.durationSeconds)} s, commit ${report.revision}).`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; ${m.os} (${m.kernel})`,
    `- Node ${report.versions.node}; PostgreSQL ${report.versions.postgres} (${report.versions.postgresKind}; ` +
      Object.entries(report.versions.postgresSettings)
        .map(([name, value]) => `${name} ${value}`)
        .join(', ') +
      ')',
    `- Packages: ${Object.entries(report.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
    `- Settings: ${Object.entries(report.settings)
      .map(([name, value]) => `${name} ${Array.isArray(value) ? value.join('/') : String(value)}`)
      .join(', ')}`,
    '',
  );
  for (const scenario of report.scenarios) {
    out.push(`#### ${scenario.number}. ${scenario.title}${scenario.failed ? ' — failed' : ''}`, '');
    if (scenario.rows.length > 0) {
      out.push(
        '| case | c | throughput (runs) | p50 ms | p99 ms | value | not accepted |',
        '| --- | --: | --: | --: | --: | --- | --: |',
      );
      for (const row of scenario.rows) {
        out.push(
          `| ${row.case} | ${row.concurrency ?? ''} | ${fmtRate(row)} | ${fmtMs(row.p50Ms)} | ${fmtMs(row.p99Ms)} | ${row.value ?? ''} | ${fmtNot(row)} |`,
        );
      }
      out.push('');
    }
    for (const note of scenario.notes) out.push(`- ${note}`);
    if (scenario.notes.length > 0) out.push('');
  }
  const targets = report.scenarios.flatMap((scenario) => scenario.targets);
  if (targets.length > 0) {
    out.push('#### Targets', '', '| target | goal | measured | |', '| --- | --- | --- | --- |');
    for (const target of targets) {
      out.push(`| ${target.name} | ${target.goal} | ${target.measured} | ${target.ok ? 'OK' : '**missed**'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * Replaces the generated section of docs/benchmarks.md for this mode (between its markers), leaving
 * the hand-written text around it alone.
 */
export function updateDocs(path: string, report: BenchReport): void {
  const start = `<!-- bench:${report.mode}:start -->`;
  const end = `<!-- bench:${report.mode}:end -->`;
  const section = `${start}\n\n${markdown(report)}\n${end}`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    text = text.slice(0, from) + section + text.slice(to + end.length);
  } else {
    const heading = report.mode === 'full' ? '## Latest full run' : '## Latest quick run';
    text = `${text.trimEnd()}\n\n${heading}\n\n${section}\n`;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
