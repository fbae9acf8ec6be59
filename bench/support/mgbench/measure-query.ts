/**
 * Times one mgbench query on both engines in the same rounds (bolt-measure.ts's `compareAsync`: warm-up,
 * interleaved rounds with alternating order, medians). Both sides execute the same parameter draws in each
 * round. The number of executions per round comes from a probe: the slower side runs `count` executions,
 * which fits the time box; the faster side runs the same `count` draws `repeat` times over, so that its
 * round lasts about as long and its timer is not dominated by noise.
 */
import type { BenchResult } from '../bench-result.js';
import { compareAsync, type AsyncContender } from '../bolt-measure.js';
import { drawParams, type FreshIds } from './param-draws.js';
import type { MgbenchQuery } from './queries.js';
import { GROUP_GOALS } from './queries.js';
import type { BenchSide } from './side.js';

export interface MeasureOptions {
  readonly suite: string;
  readonly users: number;
  /** Wall time per side for all measured rounds of one query. */
  readonly budgetMs: number;
  readonly rounds: number;
  readonly warmups: number;
  readonly seed: number;
}

/** A side with its own counter of new-user ids. */
export interface Contestant {
  readonly side: BenchSide;
  readonly fresh: FreshIds;
}

/** How a query was measured: executions per round and repetitions of them per side. */
export interface MeasurePlan {
  readonly count: number;
  readonly subjectRepeat: number;
  readonly baselineRepeat: number;
  readonly rounds: number;
  /** Mean milliseconds per execution in the probe. */
  readonly subjectProbeMs: number;
  readonly baselineProbeMs: number;
}

const PROBE_EXECUTIONS = 3;
const MAX_COUNT = 2_000;
const MAX_EXECUTIONS_PER_ROUND = 100_000;

async function probe(contestant: Contestant, query: MgbenchQuery, options: MeasureOptions): Promise<number> {
  // One untimed execution first: it pays for compiling or preparing the statement.
  await contestant.side.execute(query, drawParams(query, options.seed - 1, options.users, contestant.fresh));
  const start = performance.now();
  for (let index = 0; index < PROBE_EXECUTIONS; index++)
    await contestant.side.execute(
      query,
      drawParams(query, options.seed + index, options.users, contestant.fresh),
    );
  return Math.max((performance.now() - start) / PROBE_EXECUTIONS, 0.001);
}

function contender(
  contestant: Contestant,
  query: MgbenchQuery,
  options: MeasureOptions,
  count: number,
  repeat: number,
): AsyncContender {
  let call = 0;
  return {
    name: contestant.side.name,
    run: async () => {
      // Call k of either side uses the same seeds, so round k sees the same draws on both.
      const first = options.seed + PROBE_EXECUTIONS + call * count;
      call++;
      for (let pass = 0; pass < repeat; pass++) {
        for (let index = 0; index < count; index++) {
          const params = drawParams(query, first + index, options.users, contestant.fresh);
          await contestant.side.execute(query, params);
        }
      }
      return count * repeat;
    },
  };
}

/** Measures `query` on `subject` (Quiver) against `baseline` (Kuzu). */
export async function measureQuery(
  query: MgbenchQuery,
  subject: Contestant,
  baseline: Contestant,
  options: MeasureOptions,
): Promise<{ readonly result: BenchResult; readonly plan: MeasurePlan }> {
  const subjectProbeMs = await probe(subject, query, options);
  const baselineProbeMs = await probe(baseline, query, options);
  const slowest = Math.max(subjectProbeMs, baselineProbeMs);
  const count = Math.min(MAX_COUNT, Math.max(1, Math.floor(options.budgetMs / options.rounds / slowest)));
  const repeatFor = (probeMs: number): number =>
    Math.max(1, Math.min(Math.floor(MAX_EXECUTIONS_PER_ROUND / count), Math.round(slowest / probeMs)));
  const subjectRepeat = repeatFor(subjectProbeMs);
  const baselineRepeat = repeatFor(baselineProbeMs);
  const result = await compareAsync(
    {
      suite: options.suite,
      name: query.name,
      goal: GROUP_GOALS[query.group],
      rounds: options.rounds,
      warmups: options.warmups,
    },
    contender(subject, query, options, count, subjectRepeat),
    contender(baseline, query, options, count, baselineRepeat),
  );
  return {
    result,
    plan: { count, subjectRepeat, baselineRepeat, rounds: options.rounds, subjectProbeMs, baselineProbeMs },
  };
}
