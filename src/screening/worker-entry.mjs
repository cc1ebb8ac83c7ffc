// Worker threads do not inherit the TypeScript loader registered by bin/vigil.js or the test
// runner: register it here, then load the replica.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
