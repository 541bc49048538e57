/**
 * The one truth about what course/ may contain (STYLE rule 1). Each schema
 * validates an author's file and compiles its Markdown; types come from
 * z.infer / z.output. Rules that span files (unique ids, one quiz, …) live in
 * `lessonRules` so a mistake is reported with its file and path.
 */
import { z } from 'zod';
import { compileRichLine, compileRichText, MarkdownError, type SourceMap } from './markdown.js';

/**
 * An object that refuses unknown fields and says which ones it expected: a typo in a field
 * name ("txet") must not be silently ignored.
 */
function strict<T extends z.ZodRawShape>(shape: T) {
  const expected = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `expected only these fields: ${expected}` : undefined),
  });
}

/**
 * Ids are what LMSs and LRSs track. Lower-case kebab case keeps them valid as
 * a SCORM 1.2 CMIIdentifier, a SCORM 2004 URI part and an IRI path segment.
 */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: (issue) => idMessage(String(issue.input)) })
  .max(64, 'expected an id of at most 64 characters');

/** Names the character an id may not hold, so the author sees what to change. */
function idMessage(id: string): string {
  const refused = /[^a-z0-9-]/.exec(id)?.[0];
  const why = refused
    ? `the character ${JSON.stringify(refused)} is not allowed`
    : 'a hyphen may not start or end it, or follow another hyphen';
  return `${JSON.stringify(id)} is not a valid id: ${why}; expected lower-case letters, digits and single hyphens (e.g. "root-user")`;
}

const HTML_TAG = /<\/?[a-z!][^>]*>/i;

/** Text shown as-is. Markup is refused because it would be shown literally. */
export const PlainText = z
  .string()
  .trim()
  .min(1, 'expected non-empty text')
  .superRefine((text, ctx) => {
    const tag = HTML_TAG.exec(text)?.[0];
    // The snippet lets the loader point at the tag's own line and column.
    if (tag)
      ctx.addIssue({
        code: 'custom',
        message: `expected plain text: the HTML tag ${tag} is not allowed (write the text without it)`,
        params: { snippet: tag },
      });
  });

/**
 * Question texts become SCORM 2004 cmi.interactions.n.description
 * (localized_string_type, SPM 250, RTE 4.2.8) and xAPI descriptions.
 */
export const QuestionText = PlainText.pipe(
  z.string().max(250, 'expected at most 250 characters (SCORM 2004 interaction description limit, RTE 4.2.8)'),
);

function markdownField<T>(compile: (text: string, sources: SourceMap) => T, sources: SourceMap) {
  return z
    .string()
    .min(1, 'expected non-empty Markdown text')
    .transform((text, ctx) => {
      try {
        return compile(text, sources);
      } catch (error) {
        if (!(error instanceof MarkdownError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message, params: { snippet: error.snippet } });
        return z.NEVER;
      }
    });
}

export const SourceSchema = z.object({ title: PlainText, url: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }) });

/**
 * `after-pass` (the default), `always`, or `after-attempts: N` (a YAML map): N failed attempts
 * also earn the answers. Once no attempt is left (maxQuizAttempts), they are shown too.
 */
const RevealAnswers = z.union(
  [z.enum(['after-pass', 'always']), strict({ 'after-attempts': z.int().min(1, 'expected at least 1 attempt') })],
  { error: 'expected after-pass, always, or "after-attempts: N" (a number of attempts)' },
);

const MoveOn = z.enum(['Completed', 'Passed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable']);

export const CourseFile = strict({
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.0.0'),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'expected a language tag like en-US'),
  title: PlainText.pipe(z.string().max(200, 'expected a title of at most 200 characters')),
  description: PlainText.pipe(z.string().max(1000, 'expected a description of at most 1000 characters')),
  durationMinutes: z.int().min(1).max(600),
  level: PlainText,
  lessonNumber: PlainText,
  baseIri: z
    .url({ protocol: /^https?$/, error: 'expected a fully qualified http(s) IRI' })
    .refine((s) => !s.endsWith('/') && !s.includes('?') && !s.includes('#'), 'expected an IRI without a trailing slash, query or fragment'),
  settings: strict({
    passingScore: z.number().min(0, 'expected a passing score from 0 to 1').max(1, 'expected a passing score from 0 to 1 (0.8 = 80 %)'),
    completion: strict({ requireAllPagesVisited: z.boolean(), requireQuizSubmitted: z.boolean() }),
    moveOn: MoveOn,
    // SCORM 1.2 fill-in responses are CMIString255 (RTE12 3.4.5): the whole answer must fit.
    writtenAnswerMaxLength: z.int().min(20).max(255, 'expected at most 255 (SCORM 1.2 fill-in response limit)'),
    keptQuizAttempts: z.int().min(1).max(10),
    // When the quiz's right answers (and the answer key's quiz entries) are shown. Before then a
    // learner sees which questions they missed and feedback that teaches, never the right option.
    revealAnswers: RevealAnswers.default('after-pass'),
    // Attempts a learner may submit; without it there is no limit.
    maxQuizAttempts: z.int().min(1, 'expected at least 1 attempt').max(100).optional(),
  }),
  sources: z.record(Id, SourceSchema),
  pages: z.array(z.string().regex(/^[\w./-]+\.ya?ml$/, 'expected a path to a .yaml file inside course/')).min(1),
});
export type CourseFile = z.infer<typeof CourseFile>;

/** Icons drawn by the lesson itself (src/components/shared/icons.ts). */
export const CARD_ICONS = ['root', 'user', 'role', 'person', 'server', 'building'] as const;

/** A page file's schema depends on the course's sources (links are resolved). */
export function pageFileSchema(sources: SourceMap) {
  const Rich = markdownField(compileRichText, sources);
  const Line = markdownField(compileRichLine, sources);
  const OptionText = PlainText.pipe(z.string().max(250));
  // Feedback is the learner's next lesson: why the right option is right, or which belief a wrong
  // one shows and the page (`review`, a page id) that settles it.
  const QuizOption = strict({ id: Id, text: OptionText, feedback: Line, review: Id.optional() });
  // A choice activity's options are shared by its cases; `hint` says what the option stands for.
  const ActivityOption = strict({ id: Id, text: OptionText, hint: PlainText.optional() });
  const OptionFeedback = strict({ option: Id, text: Line, review: Id.optional() });
  const Written = strict({ id: Id, text: QuestionText, modelAnswer: Line });

  const Block = z.discriminatedUnion('kind', [
    strict({ kind: z.literal('markdown'), text: Rich }),
    strict({ kind: z.literal('takeaway'), items: z.array(Line).min(1) }),
    strict({ kind: z.literal('memory-rule'), title: PlainText, items: z.array(Line).min(1) }),
    strict({
      kind: z.literal('table'),
      id: Id,
      caption: PlainText,
      csvFileName: z.string().regex(/^[a-z0-9-]+\.csv$/, 'expected a file name like "identity-types.csv"'),
      columns: z.array(PlainText).min(1),
      rows: z.array(z.array(PlainText)).min(1),
    }),
    strict({
      kind: z.literal('choice-activity'),
      id: Id,
      heading: PlainText,
      prompt: PlainText,
      note: Line,
      options: z.array(ActivityOption).min(2).max(26),
      // One feedback per option, for every case.
      // `correct` is the best answer (marked as such); `alsoRight` lists other options the lesson
      // itself supports for the case, so no defensible answer is marked wrong.
      cases: z
        .array(
          strict({
            id: Id,
            text: QuestionText,
            correct: Id,
            alsoRight: z.array(Id).min(1).optional(),
            feedback: z.array(OptionFeedback).min(2),
          }),
        )
        .min(1),
    }),
    strict({
      kind: z.literal('written-activity'),
      id: Id,
      heading: PlainText,
      prompt: PlainText,
      note: Line,
      questions: z.array(Written).min(1),
    }),
    strict({
      kind: z.literal('quiz'),
      id: Id,
      heading: PlainText,
      questions: z
        .array(
          strict({
            id: Id,
            answerKey: z.string().regex(/^A\d+$/, 'expected an answer-key label like "A1"'),
            stem: QuestionText,
            // SCORM 1.2 choice responses are single characters (RTE12 3.4.5): at most 26 options.
            options: z.array(QuizOption).min(2).max(26),
            correct: Id,
            // The answer key's line for this question (shown once answers are revealed).
            explanation: Line,
          }),
        )
        .min(1)
        .max(50),
    }),
    strict({
      kind: z.literal('reflection'),
      id: Id,
      heading: PlainText,
      questions: z.array(Written.extend({ answerKey: z.string().regex(/^A\d+$/, 'expected an answer-key label like "A4"') })).min(1),
    }),
    strict({ kind: z.literal('answer-key') }),
    strict({ kind: z.literal('next-lesson'), title: PlainText }),
    // Visual blocks: the lesson's own material re-presented as cards (a comparison, or steps with links to pages).
    strict({
      kind: z.literal('cards'),
      title: PlainText,
      items: z
        .array(strict({ title: PlainText, icon: z.enum(CARD_ICONS).optional(), page: Id.optional(), points: z.array(Line).min(1) }))
        .min(2)
        .max(6),
    }),
    // Every page's key takeaways gathered as one summary (the text comes from the takeaway blocks
    // and, for a page without one, its `summary` points).
    strict({ kind: z.literal('takeaway-summary'), title: PlainText }),
    // A decision drawn as a diagram: a question, then one branch per answer with the pattern it leads to.
    strict({
      kind: z.literal('decision'),
      title: PlainText,
      question: PlainText,
      branches: z
        .array(
          strict({ who: PlainText, icon: z.enum(CARD_ICONS).optional(), pattern: Line, points: z.array(Line).min(1), page: Id.optional() }),
        )
        .min(2)
        .max(5),
      // What applies when none of the branches can be followed (e.g. the special cases of IAM users).
      otherwise: strict({ when: PlainText, pattern: Line, page: Id.optional() }).optional(),
    }),
    // Steps in order, drawn as a flow with arrows (e.g. assume a role → temporary credentials → they expire).
    strict({
      kind: z.literal('flow'),
      title: PlainText,
      steps: z
        .array(strict({ title: PlainText, text: Line }))
        .min(2)
        .max(6),
    }),
  ]);

  return strict({
    id: Id,
    number: z.int().min(1).optional(),
    title: PlainText.pipe(z.string().max(200)),
    // Points for the lesson's summary of takeaways, for a page that has no takeaway block.
    summary: z.array(Line).min(1).optional(),
    blocks: z.array(Block).min(1),
  }).superRefine((page, ctx) => {
    page.blocks.forEach((block, b) => {
      const at = (...path: (string | number)[]) => ['blocks', b, ...path];
      if (block.kind === 'table') {
        block.rows.forEach((row, r) => {
          if (row.length !== block.columns.length)
            ctx.addIssue({
              code: 'custom',
              path: at('rows', r),
              message: `expected ${block.columns.length} cells (one per column), found ${row.length}`,
            });
        });
      }
      if (block.kind === 'choice-activity') {
        uniqueIds(block.options, at('options'), ctx);
        uniqueIds(block.cases, at('cases'), ctx);
        const ids = block.options.map((o) => o.id);
        block.cases.forEach((c, i) => {
          if (!ids.includes(c.correct))
            ctx.addIssue({
              code: 'custom',
              path: at('cases', i, 'correct'),
              message: `correct answer "${c.correct}" is not among the options; expected one of: ${ids.join(', ')}`,
            });
          (c.alsoRight ?? []).forEach((id, k) => {
            if (!ids.includes(id) || id === c.correct)
              ctx.addIssue({
                code: 'custom',
                path: at('cases', i, 'alsoRight', k),
                message: `"${id}" is not another of the options; expected one of: ${ids.filter((x) => x !== c.correct).join(', ')}`,
              });
          });
          caseFeedbackProblems(c, ids, at('cases', i), ctx);
        });
      }
      if (block.kind === 'quiz') {
        uniqueIds(block.questions, at('questions'), ctx);
        block.questions.forEach((q, i) => {
          uniqueIds(q.options, at('questions', i, 'options'), ctx);
          const ids = q.options.map((o) => o.id);
          if (!ids.includes(q.correct))
            ctx.addIssue({
              code: 'custom',
              path: at('questions', i, 'correct'),
              message: `correct answer "${q.correct}" is not among the options; expected one of: ${ids.join(', ')}`,
            });
          // A wrong option is only known once the right one is.
          q.options.forEach((o, j) => {
            if (ids.includes(q.correct) && o.id !== q.correct && o.review === undefined)
              ctx.addIssue({
                code: 'custom',
                path: at('questions', i, 'options', j),
                message: 'a wrong option needs "review": the id of the page that settles the belief it shows',
              });
          });
        });
      }
      if (block.kind === 'written-activity' || block.kind === 'reflection') uniqueIds(block.questions, at('questions'), ctx);
    });
  });
}

/** A case says something to every option: the right one why, a wrong one which page to review. */
function caseFeedbackProblems(
  item: {
    readonly correct: string;
    readonly alsoRight?: readonly string[];
    readonly feedback: readonly { readonly option: string; readonly review?: string }[];
  },
  optionIds: readonly string[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const given = new Set<string>();
  item.feedback.forEach((f, k) => {
    if (!optionIds.includes(f.option))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'feedback', k, 'option'],
        message: `option "${f.option}" is not among the activity's options; expected one of: ${optionIds.join(', ')}`,
      });
    else if (given.has(f.option))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'feedback', k, 'option'],
        message: `option "${f.option}" has feedback twice; expected one feedback per option`,
      });
    else if (optionIds.includes(item.correct) && f.option !== item.correct && !item.alsoRight?.includes(f.option) && f.review === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'feedback', k],
        message: 'feedback for a wrong option needs "review": the id of the page that settles the belief it shows',
      });
    given.add(f.option);
  });
  const missing = optionIds.filter((id) => !given.has(id));
  if (missing.length)
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'feedback'],
      message: `no feedback for option${missing.length === 1 ? '' : 's'} ${missing.join(', ')}; expected one feedback per option`,
    });
}

function uniqueIds(items: readonly { id: string }[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  // "questions" → "question 2 has it too": the author counts from 1.
  const noun = String(path.at(-1) ?? 'item').replace(/s$/, '');
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'id'],
        message: `duplicate id "${item.id}" (${noun} ${first + 1} has it too); expected each id once`,
      });
    else seen.set(item.id, i);
  });
}
export type PageFile = z.output<ReturnType<typeof pageFileSchema>>;
