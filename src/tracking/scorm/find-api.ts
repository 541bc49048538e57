/**
 * The standard API discovery (SCORM 1.2 RTE 3.3.6.1 / SCORM 2004 RTE 3.3.6.1,
 * ADL's published algorithm): look in this window, then up the chain of
 * parents, then in the opener and its parents. Bounded, because a frame chain
 * can be deep or cyclic, and every step guarded, because a cross-origin
 * frame throws on access.
 */
const MAX_PARENTS = 500;

function lookUp<T>(start: Window, name: string, isApi: (x: unknown) => x is T): T | undefined {
  let win: Window | null = start;
  for (let hops = 0; win && hops <= MAX_PARENTS; hops += 1) {
    try {
      const candidate: unknown = (win as unknown as Record<string, unknown>)[name];
      if (isApi(candidate)) return candidate;
    } catch {
      // Cross-origin frame: keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return undefined;
}

export function findApi<T>(win: Window, name: 'API' | 'API_1484_11', isApi: (x: unknown) => x is T): T | undefined {
  const found = lookUp(win, name, isApi);
  if (found) return found;
  try {
    const opener: unknown = win.opener;
    if (opener && typeof opener === 'object' && 'parent' in opener) return lookUp(opener as Window, name, isApi);
  } catch {
    // Cross-origin opener.
  }
  return undefined;
}

/** Duck-typing guard: an object with these functions. */
export function hasMethods<T>(...names: string[]) {
  return (x: unknown): x is T =>
    typeof x === 'object' && x !== null && names.every((n) => typeof (x as Record<string, unknown>)[n] === 'function');
}
