// npm run vercel:check: reads what `vercel build` wrote to .vercel/output (the Build Output API)
// and fails unless
//   - every route handler under app/ (route.ts) is deployed as a function,
//   - every function runs on the runtime package.json's engines asks for (nodejs24.x),
//   - the largest function is at most 60 MB uncompressed.
// A local build does not copy a function's files: its .vc-config.json maps each file in the
// function (`filePathMap`, destination → source relative to the project) to where it lies here,
// so a function's size is the size of the files it names plus those in its own folder.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const OUTPUT = path.join(ROOT, '.vercel', 'output');
const FUNCTIONS = path.join(OUTPUT, 'functions');
const RUNTIME = 'nodejs24.x';
const MAX_FUNCTION_BYTES = 60 * 1024 * 1024;

interface FunctionConfig {
  runtime?: string;
  handler?: string;
  filePathMap?: Record<string, string>;
}

interface DeployedFunction {
  /** The route, e.g. `api/[user_id]/tasks`. */
  route: string;
  /** The folder the .func name resolves to: several routes may share one (symlinks). */
  folder: string;
  config: FunctionConfig;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}

function findFunctions(dir: string, prefix = ''): DeployedFunction[] {
  const found: DeployedFunction[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const route = prefix ? `${prefix}/${name}` : name;
    if (name.endsWith('.func')) {
      const folder = realpathSync(full);
      const config = JSON.parse(readFileSync(path.join(folder, '.vc-config.json'), 'utf8')) as FunctionConfig;
      found.push({ route: route.slice(0, -'.func'.length), folder, config });
    } else if (lstatSync(full).isDirectory()) {
      found.push(...findFunctions(full, route));
    }
  }
  return found;
}

/** Every file of one function, with its size, keyed by where it will lie in the function. */
function functionFiles(fn: DeployedFunction): Map<string, number> {
  const files = new Map<string, number>();
  walk(fn.folder, (file) => files.set(path.relative(fn.folder, file), lstatSync(file).size));
  for (const [destination, source] of Object.entries(fn.config.filePathMap ?? {})) {
    const full = path.resolve(ROOT, source);
    // A symbolic link (Next's hashed links to external packages) is deployed as a link: it
    // weighs its own few bytes, and its target counts only if it is traced too. A folder entry
    // brings what is inside it.
    const stat = lstatSync(full);
    if (stat.isDirectory()) walk(full, (file) => files.set(path.join(destination, path.relative(full, file)), lstatSync(file).size));
    else files.set(destination, stat.size);
  }
  return files;
}

/** The biggest packages (or top folders) in a function, to say where its size comes from. */
function biggestParts(files: Map<string, number>, count: number): [string, number][] {
  const parts = new Map<string, number>();
  for (const [file, size] of files) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = match ? match[1]! : file.split('/').slice(0, 3).join('/');
    parts.set(key, (parts.get(key) ?? 0) + size);
  }
  return [...parts].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** The routes of the app's route handlers: app/api/health/route.ts → api/health. */
function routeHandlers(dir = path.join(ROOT, 'app')): string[] {
  const routes: string[] = [];
  walk(dir, (file) => {
    if (!/\/route\.(ts|tsx|js)$/.test(file)) return;
    const segments = path
      .relative(path.join(ROOT, 'app'), path.dirname(file))
      .split(path.sep)
      // Route groups `(name)` and private folders are not part of the URL.
      .filter((s) => s && !/^\(.*\)$/.test(s));
    routes.push(segments.join('/'));
  });
  return routes.sort();
}

function main(): number {
  if (!existsSync(FUNCTIONS)) {
    console.error(`No ${path.relative(ROOT, FUNCTIONS)}: run \`vercel build\` first (README, Deployment).`);
    return 1;
  }
  const problems: string[] = [];
  const functions = findFunctions(FUNCTIONS);
  const byRoute = new Map(functions.map((f) => [f.route, f]));

  const handlers = routeHandlers();
  for (const route of handlers) {
    if (!byRoute.has(route)) problems.push(`route handler app/${route}/route.ts is not a function in .vercel/output`);
  }

  for (const fn of functions) {
    if (fn.config.runtime !== RUNTIME) problems.push(`${fn.route}: runtime ${fn.config.runtime ?? '(none)'}, expected ${RUNTIME}`);
  }

  // Routes that share a folder are one function: measure each folder once.
  const folders = new Map<string, { routes: string[]; files: Map<string, number>; bytes: number }>();
  for (const fn of functions) {
    let entry = folders.get(fn.folder);
    if (!entry) {
      const files = functionFiles(fn);
      entry = { routes: [], files, bytes: [...files.values()].reduce((a, b) => a + b, 0) };
      folders.set(fn.folder, entry);
    }
    entry.routes.push(fn.route);
  }
  const sized = [...folders.values()].sort((a, b) => b.bytes - a.bytes);
  const largest = sized[0];

  console.log(`${functions.length} functions (${folders.size} distinct), ${handlers.length} route handlers, runtime ${RUNTIME}`);
  for (const { routes, bytes, files } of sized.slice(0, 5)) {
    console.log(`  ${mb(bytes).padStart(9)}  ${files.size} files  ${routes.sort()[0]}${routes.length > 1 ? ` (+${routes.length - 1} sharing it)` : ''}`);
  }
  if (largest) {
    console.log(`Largest function, by package or folder:`);
    for (const [part, bytes] of biggestParts(largest.files, 8)) console.log(`  ${mb(bytes).padStart(9)}  ${part}`);
    if (largest.bytes > MAX_FUNCTION_BYTES) {
      problems.push(`the largest function (${largest.routes[0]}) is ${mb(largest.bytes)}, over ${mb(MAX_FUNCTION_BYTES)}`);
    }
  }

  for (const p of problems) console.error(`✗ ${p}`);
  if (problems.length === 0) console.log(`✓ every route handler is a ${RUNTIME} function; the largest is ${mb(largest?.bytes ?? 0)} (limit ${mb(MAX_FUNCTION_BYTES)})`);
  return problems.length ? 1 : 0;
}

process.exitCode = main();
