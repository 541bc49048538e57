/**
 * The HTML of a host page: the strict LMS API on the host window and the
 * course in an iframe below it, where a SCORM course's API discovery finds
 * `API` / `API_1484_11` by walking up `window.parent`.
 */
import { CONFIG_GLOBAL } from './host-config.js';
import type { FaultPlan } from './strict-scorm.js';
import type { FlatCmi, ScormVersion } from './session-seed.js';

export interface HostPageOptions {
  readonly version: ScormVersion;
  /** URL of the course's launch page, relative to the host page or absolute. */
  readonly courseUrl: string;
  readonly seed?: FlatCmi;
  readonly faults?: FaultPlan;
  /** Where the host bundle is served (see build-host.ts). */
  readonly hostScriptUrl?: string;
}

export const DEFAULT_HOST_SCRIPT_URL = '/harness/host.js';

export function hostPageHtml({ version, courseUrl, seed, faults, hostScriptUrl = DEFAULT_HOST_SCRIPT_URL }: HostPageOptions): string {
  const config = scriptSafeJson({ version, seed, faults });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Strict SCORM ${version} test LMS</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
<script>window.${CONFIG_GLOBAL} = ${config};</script>
<script src="${escapeAttribute(hostScriptUrl)}"></script>
</head>
<body>
<iframe id="course" title="Course" src="${escapeAttribute(courseUrl)}"></iframe>
</body>
</html>
`;
}

/** JSON that cannot end the inline <script> early (`</script>`, `<!--`) or break on U+2028/9. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
