/**
 * What cmi5 adds to every statement (cmi5 §9.6): the LMS's context template
 * (never overwritten, §10.2.1), the cmi5 category on cmi5-defined statements,
 * the moveOn category where a result carries success or completion, and the
 * mastery score on passed/failed.
 */
import type { Statement } from '@xapi/xapi';
import type { StatementProfile } from '../xapi/lrs-tracker.js';
import type { VerbName } from '../xapi/statements.js';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

const DEFINED: ReadonlySet<VerbName> = new Set(['initialized', 'completed', 'passed', 'failed', 'terminated']);
const JUDGED: ReadonlySet<VerbName> = new Set(['completed', 'passed', 'failed']);

type Activity = { id: string; objectType?: string; definition?: unknown };
type ContextActivities = Partial<Record<'parent' | 'grouping' | 'category' | 'other', Activity[]>>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const asList = (x: unknown): Activity[] =>
  (Array.isArray(x) ? x : isObject(x) ? [x] : []).filter((a): a is Activity => isObject(a) && typeof a.id === 'string');

/**
 * The template's activities first, then ours that it does not already name. A template activity
 * we can describe (the AU's own id from cmi5.xml, which the LMS puts in grouping) gets our definition
 * when it has none, so a dashboard shows its name: its id, the value the template gives, is kept.
 */
function mergeActivities(template: unknown, ours: unknown, known: ReadonlyMap<string, unknown>): ContextActivities {
  const t = isObject(template) ? template : {};
  const o = isObject(ours) ? ours : {};
  const out: ContextActivities = {};
  for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
    const list = asList(t[key]).map((a) => (a.definition === undefined && known.has(a.id) ? { ...a, definition: known.get(a.id) } : a));
    for (const a of asList(o[key])) if (!list.some((b) => b.id === a.id)) list.push(a);
    if (list.length) out[key] = list;
  }
  return out;
}

export function cmi5Profile(
  contextTemplate: Record<string, unknown>,
  masteryScore: number | undefined,
  /** Definitions of activities the template may name without one (activity id → definition). */
  known: ReadonlyMap<string, unknown> = new Map(),
): StatementProfile {
  return {
    decorate(statement: Statement, verb: VerbName): Statement {
      const context = isObject(statement.context) ? statement.context : {};
      const categories: Activity[] = [];
      if (DEFINED.has(verb)) categories.push({ id: CMI5_CATEGORY, objectType: 'Activity' });
      if (JUDGED.has(verb)) categories.push({ id: MOVEON_CATEGORY, objectType: 'Activity' });
      const ours = { ...(isObject(context.contextActivities) ? context.contextActivities : {}), category: categories };
      const extensions = {
        ...(isObject(context.extensions) ? context.extensions : {}),
        ...((verb === 'passed' || verb === 'failed') && masteryScore !== undefined ? { [MASTERY_EXTENSION]: masteryScore } : {}),
        // The template's values win: the AU must not overwrite them (§10.2.1).
        ...(isObject(contextTemplate.extensions) ? contextTemplate.extensions : {}),
      };
      return {
        ...statement,
        context: {
          ...context,
          ...contextTemplate,
          contextActivities: mergeActivities(contextTemplate.contextActivities, ours, known),
          extensions,
        },
      } as Statement;
    },
  };
}
