/** What the standalone web build keeps in this browser (src/tracking/local), as the preview reads it. */

/** The standalone course's record (src/tracking/local): `{ location, state, … }`, or nothing readable. */
export function parseSaved(raw: string | null): { location?: string; state?: string } {
  if (!raw) return {};
  try {
    const saved: unknown = JSON.parse(raw);
    if (typeof saved !== 'object' || saved === null) return {};
    const { location, state } = saved as Readonly<Record<string, unknown>>;
    return { ...(typeof location === 'string' ? { location } : {}), ...(typeof state === 'string' ? { state } : {}) };
  } catch {
    return {};
  }
}
