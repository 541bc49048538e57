import { describe, expect, it } from 'vitest';
import { LocalTracker } from '../../src/tracking/local/local-tracker.js';
import type { ConnectionStatus } from '../../src/tracking/tracker.js';

/** A Storage whose writes can be made to fail (quota exceeded, privacy settings). */
class TestStorage implements Storage {
  private readonly items = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

function watch(tracker: LocalTracker): ConnectionStatus['kind'][] {
  const seen: ConnectionStatus['kind'][] = [];
  tracker.onStatus((s) => seen.push(s.kind));
  return seen;
}

describe('standalone progress in the browser', () => {
  it('keeps progress for the next visit and says so', async () => {
    const storage = new TestStorage();
    const tracker = new LocalTracker('k', undefined, storage);
    const seen = watch(tracker);
    await tracker.save('state-1', 'page-2');

    expect(seen).toEqual(['standalone']);
    expect(await new LocalTracker('k', undefined, storage).start()).toMatchObject({ savedState: 'state-1', location: 'page-2' });
  });

  it('with no storage at all, says from the start that nothing can be saved, and keeps progress for this page', async () => {
    const tracker = new LocalTracker('k', undefined, undefined);
    const seen = watch(tracker);
    await tracker.save('state-1', 'page-2');

    expect(seen).toEqual(['unsaved']);
    expect(await tracker.start()).toMatchObject({ savedState: 'state-1', location: 'page-2' });
  });

  it('turns to "unsaved" when a save fails, and back when one succeeds again', async () => {
    const storage = new TestStorage();
    const tracker = new LocalTracker('k', undefined, storage);
    const seen = watch(tracker);
    storage.failWrites = true;
    await tracker.save('state-1', 'page-2');
    await tracker.save('state-2', 'page-3');
    storage.failWrites = false;
    await tracker.save('state-3', 'page-4');

    expect(seen).toEqual(['standalone', 'unsaved', 'standalone']);
  });
});
