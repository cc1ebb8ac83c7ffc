import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from './api/client.ts';
import type { InboxItem } from './api/types.ts';

/** One server-sent event as the API sends it: the same shape as an inbox item. */
export type LiveEvent = InboxItem;

interface Live {
  unread: number;
  connected: boolean;
  /** Called for every event addressed to me while the page is open. */
  subscribe(listener: (e: LiveEvent) => void): () => void;
  refreshUnread(): void;
}

const LiveContext = createContext<Live | null>(null);

/** Parses a text/event-stream body into events, calling `onEvent` for each complete one. */
export function parseEventStream(buffer: string, onEvent: (e: { id?: string; event?: string; data: string }) => void): string {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id: string | undefined;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) onEvent({ id, event, data: data.join('\n') });
  }
  return rest;
}

/**
 * Keeps one stream of /api/v1/events open while signed in. EventSource only surfaces named
 * events one listener per name, and the API names each event by its type, so the stream is read
 * with fetch and parsed here; on a drop it reconnects with Last-Event-ID and misses nothing.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState(0);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<(e: LiveEvent) => void>());

  const refreshUnread = useCallback(() => {
    api.get<{ unread: number }>('/inbox', { limit: 1 }).then((r) => setUnread(r.unread)).catch(() => undefined);
  }, []);

  useEffect(() => {
    refreshUnread();
    const controller = new AbortController();
    let lastId = '';
    let stopped = false;
    const run = async () => {
      let delay = 1000;
      while (!stopped) {
        try {
          const res = await fetch('/api/v1/events', {
            headers: { accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) },
            credentials: 'same-origin', signal: controller.signal,
          });
          if (res.status === 401) return;
          if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
          setConnected(true);
          delay = 1000;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer = parseEventStream(buffer + value, (raw) => {
              if (raw.id) lastId = raw.id;
              let e: LiveEvent;
              try { e = JSON.parse(raw.data) as LiveEvent; } catch { return; }
              // Progress and other transient events feed the page, not the inbox count.
              if (e.payload?.transient !== true) setUnread((n) => n + 1);
              for (const l of listeners.current) l(e);
            });
          }
        } catch (err) {
          if (controller.signal.aborted) return;
          void err;
        }
        setConnected(false);
        if (stopped) return;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 30_000);
      }
    };
    void run();
    return () => { stopped = true; controller.abort(); };
  }, [refreshUnread]);

  const subscribe = useCallback((listener: (e: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => { listeners.current.delete(listener); };
  }, []);

  const value = useMemo(() => ({ unread, connected, subscribe, refreshUnread }), [unread, connected, subscribe, refreshUnread]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useLive outside LiveProvider');
  return ctx;
}

/** Runs `listener` for each live event while the component is mounted. */
export function useLiveEvents(listener: (e: LiveEvent) => void): void {
  const { subscribe } = useLive();
  const ref = useRef(listener);
  useEffect(() => { ref.current = listener; });
  useEffect(() => subscribe((e) => ref.current(e)), [subscribe]);
}
