// The engine's utilityProcess bundle. better-sqlite3 stays outside the bundle: it loads
// its Node-API binary from its own folder, which packaging copies next to the app.
import { nodeBundle } from './vite.node-bundle.ts';

export default nodeBundle('electron/engine/engine-process.ts', 'engine-process.cjs', ['better-sqlite3']);
