/** Browser storage that may be missing or blocked (privacy settings, sandboxed frames): never throws. */
export function storageOf(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    const storage = globalThis[kind];
    storage.getItem('probe');
    return storage;
  } catch {
    return undefined;
  }
}
