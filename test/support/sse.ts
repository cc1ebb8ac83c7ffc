/** A server-sent-events client over fetch, collecting events so tests can wait for one. */
export interface SseClient {
  events: { type: string; data: Record<string, unknown> }[];
  waitFor(type: string, match?: (data: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

export async function openSse(url: string, token: string): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`SSE ${url}: ${res.status}`);
  const events: SseClient['events'] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) {
            events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
            for (const w of waiters) w();
          }
        }
      }
    } catch { /* closed */ }
  })();
  return {
    events,
    waitFor(type, match = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const e = events.find((x) => x.type === type && match(x.data));
          if (e) { waiters.delete(check); clearTimeout(timer); resolve(e.data); }
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no ${type} event within ${timeoutMs} ms; got ${events.map((e) => e.type).join(', ') || 'none'}`)); }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() { controller.abort(); },
  };
}
