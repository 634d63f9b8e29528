import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, PAGES, ROUTES } from './access-registry';

// The isolation matrix only proves what the registry names. These read the source the way Next
// does (every page.tsx, every route.ts's method exports, every export of a 'use server' file), so
// a new page, action or route that nobody registered fails here, before it ships.
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const appFiles = [...sourceFiles('app'), ...sourceFiles('components'), ...sourceFiles('lib')];
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const isServerActionFile = (file: string) => /^\s*['"]use server['"]/.test(read(file));
const exportedNames = (source: string) =>
  [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(\w+)/gm)].map((m) => m[1]!);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

describe('the access registry', () => {
  it('names every exported server action, and nothing else', () => {
    const inSource = appFiles
      .filter(isServerActionFile)
      .flatMap((file) => exportedNames(read(file)).map((name) => `${file}#${name}`))
      .sort();
    const registered = ACTIONS.map((a) => `${a.file}#${a.name}`).sort();
    expect(inSource.length).toBeGreaterThan(30);
    expect(registered).toEqual(inSource);
  });

  it('names every route handler method', () => {
    const inSource = appFiles
      .filter((file) => file.startsWith('app/') && /\/route\.ts$/.test(file))
      .flatMap((file) =>
        exportedNames(read(file))
          .filter((name) => METHODS.includes(name))
          .map((method) => `${file} ${method}`),
      )
      .sort();
    const registered = [...new Set(ROUTES.map((r) => `${r.file} ${r.method}`))].sort();
    expect(inSource.length).toBeGreaterThan(10);
    expect(registered).toEqual(inSource);
  });

  it('names every page', () => {
    const inSource = appFiles.filter((file) => /\/page\.tsx$/.test(file)).sort();
    const registered = [...new Set(PAGES.map((p) => p.file))].sort();
    expect(registered).toEqual(inSource);
  });

  it('knows no file that is gone', () => {
    for (const file of [...ACTIONS, ...ROUTES, ...PAGES].map((e) => e.file))
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
  });
});
