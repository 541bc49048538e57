/**
 * The preview server's JSON API as the pages use it (preview-server.ts).
 * Types come from the server itself, so the two cannot drift apart; the
 * `as` casts below are the wire edge, where the server's JSON becomes them.
 */
import type { LrsActivity } from '../../learner-records.js';
import type { LaunchView, PackageView } from '../../preview-server.js';
import type { PackageId } from '../../packages.js';
import type { ReportSummary } from '../../report-view.js';

export type { LaunchView, LrsActivity, PackageId, PackageView, ReportSummary };
export type Attempt = LaunchView['attempt'];
export type LaunchMode = NonNullable<LaunchView['launchMode']>;

export async function listPackages(): Promise<PackageView[]> {
  const body = (await getJson('/api/packages')) as { packages: PackageView[] } | undefined;
  return body?.packages ?? [];
}

/** The package's current launch, if the server has one (a reload of the player reopens it). */
export async function currentLaunch(id: PackageId): Promise<LaunchView | undefined> {
  return (await getJson(`/api/packages/${id}/launch`)) as LaunchView | undefined;
}

export async function launch(id: PackageId, attempt: Attempt, launchMode: LaunchMode): Promise<LaunchView> {
  return (await postJson(`/api/packages/${id}/launch`, { attempt, launchMode })) as LaunchView;
}

/** Forgets the learner's attempt, statements and state for the package. */
export async function resetLearner(id: PackageId): Promise<void> {
  await postJson(`/api/packages/${id}/reset`);
}

/** What the LRS holds for the current xAPI or cmi5 launch; undefined when there is none. */
export async function lrsActivity(id: PackageId): Promise<LrsActivity | undefined> {
  return (await getJson(`/api/packages/${id}/activity`)) as LrsActivity | undefined;
}

/** Runs the admin's report over the preview's learner records (the files are then at /api/report/<file>). */
export async function runReport(): Promise<ReportSummary> {
  return (await postJson('/api/report')) as ReportSummary;
}

/** The URL the SCORM panel sends the committed CMI data to (by fetch, or by beacon as the page goes). */
export const scormDataUrl = (id: PackageId, launchId: string): string =>
  `/api/packages/${id}/scorm-data?launch=${encodeURIComponent(launchId)}`;

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { cache: 'no-store' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(await errorText(response));
  return response.json();
}

async function postJson(url: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await errorText(response));
  return response.status === 204 ? undefined : response.json();
}

async function errorText(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  return typeof error === 'string' ? error : `HTTP ${response.status}`;
}

/** The message of whatever was thrown. */
export const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
