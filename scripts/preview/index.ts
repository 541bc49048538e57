/** The local preview LMS (`npm start`): see preview-server.ts, and ui/ for the pages. */
export { startPreview } from './preview-server.js';
export type { LaunchView, Preview, PreviewOptions } from './preview-server.js';
export type { PackageId, PackageInfo } from './packages.js';
