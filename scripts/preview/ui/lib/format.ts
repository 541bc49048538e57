/** Human formats for the preview pages. Pure. */

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

/** "14:02:07", or "28 Nov, 14:02" when not today. */
export function formatClock(iso: string | undefined, now = new Date()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return now.toDateString() === date.toDateString()
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** 83_400 → "1 min 23 s"; "" when not a number. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, `${s} s`].filter(Boolean).join(' ');
}

/** ISO 8601 duration (PT1M23.4S, P1DT2H) → ms; NaN when it is not one. */
export function isoDurationMs(text: string | undefined): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text ?? '');
  if (!match) return Number.NaN;
  const [, d = 0, hh = 0, mm = 0, ss = 0] = match;
  return (((Number(d) * 24 + Number(hh)) * 60 + Number(mm)) * 60 + Number(ss)) * 1000;
}

/** "1 statement", "3 statements". */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
