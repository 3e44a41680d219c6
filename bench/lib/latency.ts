export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarizeLatencies(samples: Float64Array): LatencySummary {
  if (samples.length === 0) {
    return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  }
  const sorted = Float64Array.from(samples).sort();
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    mean: sum / sorted.length,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    p99: nearestRank(sorted, 0.99),
    max: sorted[sorted.length - 1],
  };
}

function nearestRank(sorted: Float64Array, quantile: number): number {
  const rank = Math.ceil(quantile * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
