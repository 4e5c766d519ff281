// The rooms inside electron/ and the one direction they point (ARCHITECTURE.md,
// "Inside the main process"): a room imports only rooms of a lower row, or one
// of its own row as long as no cycle forms; no two files import each other
// around a circle. An ESLint plugin, so `npm run lint` is where it fails.
import fs from 'node:fs';
import path from 'node:path';

/** Rows from the bottom: a room may import any room of a lower row. */
export const ROOM_ROWS = [['http'], ['graph', 'mobile-risk', 'auth'], ['engine', 'mail', 'demo-tenant'], ['core'], ['host', 'shell', 'cli']];
const ROW_OF = new Map(ROOM_ROWS.flatMap((rooms, row) => rooms.map((room) => [room, row])));
const DIRECTION = ROOM_ROWS.map((rooms) => rooms.join(', ')).join(' <- ');

const ROOT = path.dirname(new URL(import.meta.url).pathname);
const ELECTRON = path.join(ROOT, 'electron');
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** electron/<room>/... -> room, or null outside electron/. */
function roomOf(file) {
  const relative = path.relative(ELECTRON, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [room, ...rest] = relative.split(path.sep);
  return rest.length === 0 ? null : room;
}

function resolve(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file, text) {
  const targets = new Set();
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolve(file, match[1]);
    if (target && roomOf(target) !== null) targets.add(target);
  }
  return targets;
}

let diskGraph = null;
/** Every file of electron/ and what it imports inside electron/, read once per lint run. */
function graphOnDisk() {
  if (diskGraph) return diskGraph;
  diskGraph = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) diskGraph.set(full, importsOf(full, fs.readFileSync(full, 'utf8')));
    }
  };
  walk(ELECTRON);
  return diskGraph;
}

/** A path of nodes from `from` to `to` (both included), or null. */
function findPath(edgesOf, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === to) {
      const trail = [];
      for (let at = to; at !== null; at = previous.get(at)) trail.unshift(at);
      return trail;
    }
    for (const next of edgesOf(node)) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

function importSources(node) {
  if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) return node.source;
  if (node.type === 'ImportExpression' && node.source.type === 'Literal') return node.source;
  return null;
}

function visitImports(context, check) {
  const file = context.filename;
  if (roomOf(file) === null) return {};
  const visit = (node) => {
    const source = importSources(node);
    if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
    const target = resolve(file, source.value);
    if (target && roomOf(target) !== null) check(source, file, target);
  };
  return { ImportDeclaration: visit, ExportAllDeclaration: visit, ExportNamedDeclaration: visit, ImportExpression: visit };
}

const direction = {
  meta: { type: 'problem', schema: [], docs: { description: `Rooms inside electron/ point one way: ${DIRECTION}.` } },
  create(context) {
    const from = roomOf(context.filename);
    if (from !== null && !ROW_OF.has(from)) {
      return {
        Program(node) {
          context.report({ node, message: `electron/${from}/ is not a room of the layering (${DIRECTION}): add it to eslint.rooms.js in its row.` });
        },
      };
    }
    return visitImports(context, (source, _file, target) => {
      const to = roomOf(target);
      if (to === from || !ROW_OF.has(to)) return;
      if (ROW_OF.get(to) > ROW_OF.get(from)) {
        context.report({ node: source, message: `electron/${from}/ must not import electron/${to}/: the rooms point ${DIRECTION}. Move what both need down to a room they both stand on, or to shared/.` });
      }
    });
  },
};

const noCycle = {
  meta: { type: 'problem', schema: [], docs: { description: 'No import cycle inside electron/, between files or between rooms.' } },
  create(context) {
    const file = context.filename;
    if (roomOf(file) === null) return {};
    const disk = graphOnDisk();
    // The file as it is being linted, not as it is on disk.
    const own = importsOf(file, context.sourceCode.text);
    const edgesOf = (node) => (node === file ? own : (disk.get(node) ?? []));
    const roomEdges = new Map();
    const addRoomEdges = (node, targets) => {
      const room = roomOf(node);
      for (const target of targets) {
        const to = roomOf(target);
        if (to === room) continue;
        if (!roomEdges.has(room)) roomEdges.set(room, new Set());
        roomEdges.get(room).add(to);
      }
    };
    for (const [node, targets] of disk) if (node !== file) addRoomEdges(node, targets);
    addRoomEdges(file, own);
    const roomEdgesOf = (room) => roomEdges.get(room) ?? [];
    const short = (node) => path.relative(ROOT, node);
    return visitImports(context, (source, _file, target) => {
      const trail = findPath(edgesOf, target, file);
      if (trail) {
        context.report({ node: source, message: `Import cycle: ${[file, ...trail].map(short).join(' -> ')}. Move what both files need into a third one they both import.` });
        return;
      }
      const from = roomOf(file);
      const to = roomOf(target);
      // An import against the direction is the direction rule's to name.
      if (from === to || !ROW_OF.has(from) || !ROW_OF.has(to) || ROW_OF.get(to) > ROW_OF.get(from)) return;
      const rooms = findPath(roomEdgesOf, to, from);
      if (rooms) context.report({ node: source, message: `Room cycle: ${[from, ...rooms].map((room) => `electron/${room}/`).join(' -> ')}. Rooms point one way only.` });
    });
  },
};

export const roomsPlugin = { rules: { direction, 'no-cycle': noCycle } };
