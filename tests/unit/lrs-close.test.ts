/**
 * A session whose page goes away (the learner closes the window: most do) ends
 * cleanly in xAPI and cmi5, even while statements are on their way to a slow
 * LRS: `terminated` leaves with the last statements in one keepalive request,
 * and the LRS stores every statement once, `terminated` last. The course's own
 * session and trackers against the local strict LRS and cmi5 LMS, in Node.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { activityCases } from '../../src/domain/lesson-queries.js';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { XAPI_AUTH } from '../../hosts/learner/lrs-launch.js';
import { required } from './helpers/lesson-roles.js';
import { launchLrs, until } from './helpers/lrs-session.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
let lrs: LrsHarness | undefined;
beforeAll(async () => {
  lesson = await loadRealCourse();
});
afterEach(async () => {
  await lrs?.close();
  lrs = undefined;
});

const verb = (id: string) => id.split('/').pop() ?? '';
const posts = (harness: LrsHarness) => harness.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/statements'));

describe.each(['xapi', 'cmi5'] as const)('%s: the window closes while statements are on their way to a slow LRS', (standard) => {
  it('terminated leaves with the last statements; every statement is stored once, terminated last', async () => {
    const harness = await startLrs(standard === 'xapi' ? { basicAuth: XAPI_AUTH } : {});
    lrs = harness;
    const registration = randomUUID();
    const { session } = await launchLrs(standard, lesson, harness, registration);
    const cases = activityCases(lesson).slice(0, 4);
    const answer = (n: number) => {
      const { block, item } = required(cases[n], `${n + 1} cases`);
      session.answerCase(block.id, item.id, item.correct);
    };
    answer(0);
    await session.settled();
    await until(() => harness.statements().some((s) => verb(s.verb.id) === 'answered'), 'the first answer stored');

    // The LRS now takes 1.5 s to handle each request: the next answers' batch is still on its way
    // when the page goes away, and the last answer waits behind it.
    harness.faults.delayMs = 1_500;
    const before = posts(harness).length;
    answer(1);
    answer(2);
    await session.settled();
    await until(() => posts(harness).length > before, 'a batch on its way');
    answer(3);
    await session.settled();
    void session.finish('pagehide');

    await until(() => harness.statements().some((s) => verb(s.verb.id) === 'terminated'), 'terminated stored', 15_000);
    const stored = harness.statements().filter((s) => s.context?.registration === registration);
    const answered = stored.filter((s) => verb(s.verb.id) === 'answered').map((s) => ('id' in s.object ? s.object.id : ''));
    expect(answered.map((id) => decodeURIComponent(id.split('/').pop() ?? ''))).toEqual(cases.map((c) => c.key));
    const ids = stored.map((s) => s.id);
    expect(new Set(ids).size, 'statements stored twice').toBe(ids.length);
    expect(verb(stored.at(-1)?.verb.id ?? ''), 'the last statement stored').toBe('terminated');
    // terminated travelled with the last answer, in one request.
    const last = posts(harness).find((r) => r.statementIds?.includes(stored.at(-1)?.id ?? ''));
    expect(last?.statementIds).toContain(
      stored.find((s) => 'id' in s.object && s.object.id.endsWith(encodeURIComponent(cases[3]?.key ?? '')))?.id,
    );
    expect(harness.rejections(), 'requests the LRS refused').toEqual([]);
  });
});
