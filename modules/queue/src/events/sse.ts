import type { FastifyReply, FastifyRequest } from 'fastify';

/** a screen that cannot keep up (several MB unsent) is dropped; it reconnects and gets a snapshot */
const MAX_BUFFERED = 4 * 1024 * 1024;

/**
 * One Server-Sent Events response. The browser's EventSource reconnects by itself after a drop
 * (after `retry` ms) and sends the last `id` it saw as Last-Event-ID.
 */
export class SseStream {
  private closed = false;
  private readonly handlers: (() => void)[] = [];

  constructor(private readonly req: FastifyRequest, private readonly reply: FastifyReply) {}

  open(retryMs = 1500): void {
    this.reply.hijack();
    const res = this.reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      // proxies (nginx) must pass events on at once
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${retryMs}\n\n`);
    const done = () => this.markClosed();
    this.req.raw.on('close', done);
    res.on('close', done);
    res.on('error', done);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** `data` is one line of JSON (JSON.stringify never emits a raw newline) */
  send(event: string, data: string, id?: number): void {
    if (this.closed) return;
    const res = this.reply.raw;
    res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`);
    if (res.writableLength > MAX_BUFFERED) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.reply.raw.end();
    this.markClosed();
  }

  onClose(fn: () => void): void {
    if (this.closed) fn();
    else this.handlers.push(fn);
  }

  private markClosed(): void {
    if (this.closed && this.handlers.length === 0) return;
    this.closed = true;
    for (const fn of this.handlers.splice(0)) fn();
  }
}
