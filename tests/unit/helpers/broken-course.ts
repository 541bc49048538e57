/**
 * A copy of the real course/ with one targeted author mistake, for the
 * loader's error reporting. Every edit checks that it hits what it means to
 * change, so a test cannot pass because its edit silently did nothing.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { COURSE_DIR } from './real-course.js';

export type YamlPath = readonly (string | number)[];

/** Edits on one copy of course/; file names are relative to it (e.g. "pages/15-quiz.yaml"). */
export class CourseCopy {
  constructor(readonly dir: string) {}

  /** Replaces the value at an existing path, keeping the file's comments and layout. */
  async set(file: string, path: YamlPath, value: unknown): Promise<void> {
    await this.editYaml(file, (doc) => {
      if (!doc.hasIn(path)) throw new Error(`${file} has nothing at ${path.join('.')} to replace`);
      doc.setIn(path, doc.createNode(value));
    });
  }

  /** Removes the value at an existing path. */
  async delete(file: string, path: YamlPath): Promise<void> {
    await this.editYaml(file, (doc) => {
      if (!doc.deleteIn(path)) throw new Error(`${file} has nothing at ${path.join('.')} to delete`);
    });
  }

  /** Appends an item to the list at an existing path. */
  async append(file: string, path: YamlPath, value: unknown): Promise<void> {
    await this.editYaml(file, (doc) => {
      if (!doc.hasIn(path)) throw new Error(`${file} has no list at ${path.join('.')}`);
      doc.addIn(path, doc.createNode(value));
    });
  }

  /** The value at a path, as plain data. */
  async get(file: string, path: YamlPath): Promise<unknown> {
    const doc = parseDocument(await readFile(this.path(file), 'utf8'));
    const node: unknown = doc.getIn(path, true);
    return isNode(node) ? node.toJSON() : node;
  }

  /** Replaces the first occurrence of `search` in the file's text. */
  async replace(file: string, search: string, replacement: string): Promise<void> {
    const text = await readFile(this.path(file), 'utf8');
    if (!text.includes(search)) throw new Error(`${file} does not contain ${JSON.stringify(search)}`);
    await writeFile(
      this.path(file),
      text.replace(search, () => replacement),
    );
  }

  async remove(file: string): Promise<void> {
    await rm(this.path(file));
  }

  private path(file: string): string {
    return join(this.dir, file);
  }

  private async editYaml(file: string, edit: (doc: Document) => void): Promise<void> {
    const doc = parseDocument(await readFile(this.path(file), 'utf8'));
    if (doc.errors.length > 0) throw new Error(`${file} is not valid YAML before the edit`);
    edit(doc);
    await writeFile(this.path(file), doc.toString());
  }
}

function isNode(x: unknown): x is { toJSON(): unknown } {
  return typeof x === 'object' && x !== null && 'toJSON' in x && typeof x.toJSON === 'function';
}

const copies: string[] = [];

/** Copies course/ into a temporary folder, applies `edit` and returns the folder. */
export async function brokenCourse(edit: (course: CourseCopy) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'broken-course-'));
  copies.push(dir);
  await cp(COURSE_DIR, dir, { recursive: true });
  await edit(new CourseCopy(dir));
  return dir;
}

/** Deletes every copy made so far (call from afterAll). */
export async function removeBrokenCourses(): Promise<void> {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
