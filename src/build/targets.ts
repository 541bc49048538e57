/** The packages the build makes: one per tracking standard, plus the plain web build. */
export const TARGETS = ['web', 'scorm12', 'scorm2004', 'xapi', 'cmi5'] as const;
export type Target = (typeof TARGETS)[number];

export function isTarget(value: string | undefined): value is Target {
  return (TARGETS as readonly string[]).includes(value ?? '');
}

/** Folder under src/tracking/ whose index.ts exports `createTracker` for the target. */
export const TRACKER_MODULE: Record<Target, string> = {
  web: 'local',
  scorm12: 'scorm12',
  scorm2004: 'scorm2004',
  xapi: 'xapi',
  cmi5: 'cmi5',
};

/** The packages `npm run build` makes by default. */
export const BUILT_TARGETS: readonly Target[] = ['web', 'scorm12', 'scorm2004', 'xapi', 'cmi5'];
