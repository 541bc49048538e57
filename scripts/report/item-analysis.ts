/**
 * Classical item analysis, pure: the discrimination index of a question and
 * the flags an author acts on. Every figure is taken on first attempts (a
 * retake follows the feedback on the first one, so it says less about the
 * question itself).
 */
import type { Discrimination, Flag, OptionCount, Thresholds } from './report-data.js';

export interface RankedAnswer {
  /** The learner record's first-attempt quiz score (0…1). */
  readonly score: number;
  /** Whether this question was right in that attempt. */
  readonly right: boolean;
}

/**
 * Kelley's upper-lower index: the share right among the top `share` of learners by quiz score
 * minus the share right among the bottom `share`. Quiz scores take few values, so many learners
 * tie at a group's edge: rather than cut the tie arbitrarily (which changes the index with the
 * order the LRS returned them in), every learner at the edge counts for the same fraction of the
 * places left. Undefined with fewer than two learners.
 */
export function discrimination(answers: readonly RankedAnswer[], share: number): Discrimination | undefined {
  const ranked = answers.length;
  const groupSize = Math.round(ranked * share);
  if (ranked < 2 || groupSize < 1) return undefined;
  const levels = new Map<number, { members: number; right: number }>();
  for (const a of answers) {
    const level = levels.get(a.score) ?? { members: 0, right: 0 };
    level.members += 1;
    if (a.right) level.right += 1;
    levels.set(a.score, level);
  }
  const ordered = [...levels.entries()].sort((x, y) => y[0] - x[0]).map(([, level]) => level);
  const shareRight = (from: readonly { members: number; right: number }[]) => {
    let places = groupSize;
    let right = 0;
    for (const level of from) {
      const taken = Math.min(places, level.members);
      right += (level.right * taken) / level.members;
      places -= taken;
      if (places === 0) break;
    }
    return right / groupSize;
  };
  const upperRight = shareRight(ordered);
  const lowerRight = shareRight([...ordered].reverse());
  return { index: upperRight - lowerRight, groupSize, upperRight, lowerRight, ranked };
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

export interface JudgedQuestion {
  readonly options: readonly OptionCount[];
  readonly firstAttemptAnswers: number;
  readonly firstAttemptRight: number;
  readonly discrimination: Discrimination | undefined;
}

/** The flags of a quiz question; with too few first-attempt answers, only that one (nothing else can be judged). */
export function flagsFor(q: JudgedQuestion, t: Thresholds): Flag[] {
  const n = q.firstAttemptAnswers;
  if (n < t.minFirstAttemptAnswers)
    return [
      {
        code: 'too-few-answers',
        message: `Too few answers to judge: ${n} first-attempt answer${n === 1 ? '' : 's'} (at least ${t.minFirstAttemptAnswers} needed).`,
      },
    ];
  const flags: Flag[] = [];
  const rightShare = q.firstAttemptRight / n;
  if (rightShare < t.mostMiss)
    flags.push({ code: 'most-miss', message: `Most learners miss it: ${percent(rightShare)} right on the first attempt.` });
  const key = q.options.filter((o) => o.correct);
  const keyChosen = Math.max(0, ...key.map((o) => o.firstAttemptChosen));
  for (const option of q.options.filter((o) => !o.correct)) {
    const chosen = option.firstAttemptChosen / n;
    if (chosen < t.unusedDistractor)
      flags.push({
        code: 'unused-distractor',
        option: option.id,
        message: `Option ${option.id} is a distractor nobody picks: ${option.firstAttemptChosen} of ${n} first attempts (${percent(chosen)}).`,
      });
    if (key.length > 0 && option.firstAttemptChosen > keyChosen)
      flags.push({
        code: 'distractor-beats-key',
        option: option.id,
        message: `Wrong option ${option.id} is chosen more often than the right one: ${option.firstAttemptChosen} against ${keyChosen} first attempts.`,
      });
  }
  const d = q.discrimination;
  if (d && d.index < t.lowDiscrimination)
    flags.push({
      code: 'low-discrimination',
      message: `It does not tell strong from weak learners: discrimination ${d.index.toFixed(2)} (upper ${percent(d.upperRight)} right, lower ${percent(d.lowerRight)}, ${d.groupSize} learners each).`,
    });
  return flags;
}

/** The p-quantile of ascending values (linear between neighbours); undefined when empty. */
export function quantile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? a;
  return a + (b - a) * (at - low);
}
