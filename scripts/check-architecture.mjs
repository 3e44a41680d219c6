#!/usr/bin/env node
// Holds ARCHITECTURE.md's code map true to the code: each folder under src/ has a row whose "imports" column names
// exactly the src/ folders that its files import (tests excluded; .dependency-cruiser.cjs enforces the direction).
// Part of `npm run lint`. Prints what differs and exits 1.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const src = 'src';
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\)/g;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(src, 'dashboard', 'web')) {
        yield* files(path);
      }
    } else if (entry.name.endsWith('.ts') && !entry.name.includes('.spec.')) {
      yield path;
    }
  }
}

const folderOf = (path) => {
  const parts = relative(src, path).split(sep);
  return parts.length > 1 ? parts[0] : null;
};

const actual = new Map();
for (const dir of readdirSync(src, { withFileTypes: true })) {
  if (dir.isDirectory()) {
    actual.set(dir.name, new Set());
  }
}
for (const file of files(src)) {
  const from = folderOf(file);
  if (from === null) {
    continue;
  }
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = match[1] ?? match[2];
    if (target.startsWith('.')) {
      const to = folderOf(normalize(join(dirname(file), target)));
      if (to !== null && to !== from) {
        actual.get(from).add(to);
      }
    }
  }
}

// Rows of the code map: | `src/<folder>/` | what | imports |
const documented = new Map();
for (const line of readFileSync('ARCHITECTURE.md', 'utf8').split('\n')) {
  const row = /^\|\s*`src\/([\w-]+)\/`\s*\|.*\|\s*([^|]*)\|\s*$/.exec(line);
  if (row) {
    const cell = row[2].trim();
    const names = cell === 'nothing' ? [] : cell.split(',').map((s) => s.trim().replace(/`/g, ''));
    documented.set(row[1], new Set(names));
  }
}

const problems = [];
for (const [folder, imports] of actual) {
  const doc = documented.get(folder);
  if (!doc) {
    problems.push(`src/${folder}/ has no row in ARCHITECTURE.md's code map`);
    continue;
  }
  const missing = [...imports].filter((f) => !doc.has(f)).sort();
  const extra = [...doc].filter((f) => !imports.has(f)).sort();
  if (missing.length > 0) {
    problems.push(`src/${folder}/ imports ${missing.join(', ')}, which its row does not name`);
  }
  if (extra.length > 0) {
    problems.push(`src/${folder}/'s row names ${extra.join(', ')}, which it does not import`);
  }
}
for (const folder of documented.keys()) {
  if (!actual.has(folder)) {
    problems.push(`ARCHITECTURE.md has a row for src/${folder}/, which does not exist`);
  }
}

if (problems.length > 0) {
  console.error(`ARCHITECTURE.md's code map is not true to src/:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`ARCHITECTURE.md's code map matches the imports of ${actual.size} folders`);
