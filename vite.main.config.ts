// The main process bundle.
import { nodeBundle } from './vite.node-bundle.ts';

export default nodeBundle('electron/shell/main.ts', 'main.cjs');
