// A screening index replica in a worker thread: applies changes in the order they arrive and
// answers searches (see pool.ts).
import { parentPort } from 'node:worker_threads';
import { ScreeningIndex } from './index.ts';
import type { ReplicaReply, ReplicaRequest } from './pool.ts';

let index = new ScreeningIndex();
const port = parentPort;
if (!port) throw new Error('screening worker must run in a worker thread');

port.on('message', (m: ReplicaRequest) => {
  switch (m.op) {
    case 'add': for (const e of m.entries) index.add(e); return;
    case 'remove': for (const id of m.ids) index.remove(id); return;
    case 'clear': index = new ScreeningIndex(); return;
    case 'compact': index.compact(); return;
    case 'size': port.postMessage({ id: m.id, ok: true, result: index.size } satisfies ReplicaReply); return;
    case 'search': {
      let reply: ReplicaReply;
      try {
        reply = { id: m.id, ok: true, result: index.search(m.query, m.options) };
      } catch (e) {
        reply = { id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      port.postMessage(reply);
    }
  }
});
