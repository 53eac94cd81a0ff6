import http from 'node:http';

export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
  /** performance.now() when the event was complete */
  at: number;
}

/**
 * A minimal Server-Sent Events client over node:http for tests and the latency benchmark: each
 * stream has its own socket (like a separate screen), events are parsed as they arrive.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }[] = [];
  private ended = false;
  onEvent: ((e: SseEvent) => void) | null = null;

  private constructor(private readonly req: http.ClientRequest, readonly status: number) {}

  /** opens the stream; rejects with the status and body when the answer is not 200 */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'GET', agent: false, headers: { accept: 'text/event-stream', 'accept-language': 'zh-CN', ...headers } }, (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => { body += c; });
          res.on('end', () => reject(Object.assign(new Error(`stream answered ${res.statusCode}: ${body}`), { status: res.statusCode, body })));
          return;
        }
        const client = new SseClient(req, res.statusCode);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        res.on('end', () => client.finish());
        res.on('error', () => client.finish());
        resolve(client);
      });
      req.on('error', reject);
      req.end();
    });
  }

  get closedByServer(): boolean {
    return this.ended;
  }

  /** the first event (already received or still to come) that matches */
  waitFor(pred: (e: SseEvent) => boolean, timeoutMs = 5000, from = 0): Promise<SseEvent> {
    const seen = this.events.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${this.events.map((e) => e.event).join(', ')}`));
      }, timeoutMs);
      this.waiters.push({ pred, resolve, reject, timer });
    });
  }

  /** resolves when the server ends the stream */
  waitForEnd(timeoutMs = 5000): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('stream still open')), timeoutMs);
      const poll = setInterval(() => {
        if (this.ended) { clearTimeout(t); clearInterval(poll); resolve(); }
      }, 20);
    });
  }

  close(): void {
    this.req.destroy();
    this.finish();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let cut: number;
    while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      let event = 'message';
      let id: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      }
      if (!data.length) continue;
      const e: SseEvent = { event, data: data.join('\n'), id, at: performance.now() };
      this.events.push(e);
      this.onEvent?.(e);
      for (const w of [...this.waiters]) {
        if (w.pred(e)) {
          clearTimeout(w.timer);
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(e);
        }
      }
    }
  }

  private finish(): void {
    this.ended = true;
  }
}
