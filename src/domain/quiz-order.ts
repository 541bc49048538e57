/**
 * The order in which an attempt presents the quiz's questions. The first attempt keeps the
 * lesson's own order (as the lesson numbers them); every later attempt shows them in a new order,
 * never the same as the attempt before, so a retake asks the learner to read again rather than to
 * repeat a sequence of letters. The options keep their order and letters: the lesson's answer key
 * names them by letter (A1: B), so a letter must mean the same option for every learner.
 *
 * The order follows from the learner's seed (kept in the resume state) and the attempt number, so a
 * reload or relaunch shows the same order, and questions an author adds or removes later only join
 * or leave it.
 */

/** A small deterministic generator (a 32-bit xorshift): the same seed gives the same sequence. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The questions of attempt `attempt` (1-based) in the order it presents them.
 * @param ids the quiz's question ids in the lesson's order
 */
export function questionOrder<T>(ids: readonly T[], seed: number, attempt: number): T[] {
  let order = [...ids];
  for (let n = 2; n <= attempt; n += 1) {
    const next = shuffled(ids, generator((seed ^ Math.imul(n, 0x85ebca6b)) >>> 0));
    // Never the order of the attempt before: move the first question to the end.
    order = ids.length > 1 && same(next, order) ? [...next.slice(1), next[0] as T] : next;
  }
  return order;
}
