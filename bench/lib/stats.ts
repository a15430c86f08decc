import * as hdr from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, up to two minutes, to three significant digits. */
export function newHistogram(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

export function recordMs(histogram: hdr.Histogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export interface Latency {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export function latencyOf(histogram: hdr.Histogram): Latency {
  const ms = (us: number) => round(us / 1000, 2);
  return {
    count: histogram.totalCount,
    p50Ms: ms(histogram.getValueAtPercentile(50)),
    p90Ms: ms(histogram.getValueAtPercentile(90)),
    p99Ms: ms(histogram.getValueAtPercentile(99)),
    maxMs: ms(histogram.maxValue),
    meanMs: ms(histogram.mean),
  };
}

/** One histogram of every run's latencies: p50 and p99 over all the requests of the repeated runs. */
export function mergeHistograms(histograms: hdr.Histogram[]): hdr.Histogram {
  const merged = newHistogram();
  for (const histogram of histograms) merged.add(histogram);
  return merged;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
