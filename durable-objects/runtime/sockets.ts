/**
 * The object's sockets by role tag, kept between broadcasts. `getWebSockets` builds a fresh array
 * of every matching socket on each call, which for thousands of sockets costs more than the
 * sends themselves; a broadcast-heavy session asks for the same lists many times a second.
 * Any accept or close clears the lists (they are rebuilt on the next ask), and a socket that
 * closed in between is harmless: sending to it throws and is skipped.
 */
export class SocketIndex {
  private readonly lists = new Map<string, readonly WebSocket[]>();

  constructor(private readonly ctx: DurableObjectState) {}

  /** Every socket, or those with a role tag (`o:<role>`). Per-person tags are not cached. */
  get(tag?: string): readonly WebSocket[] {
    if (tag?.startsWith("r:")) return this.ctx.getWebSockets(tag);
    const key = tag ?? "*";
    let list = this.lists.get(key);
    if (!list) {
      list = this.ctx.getWebSockets(tag);
      this.lists.set(key, list);
    }
    return list;
  }

  count(): number {
    return this.get().length;
  }

  /** A socket was accepted or closed. */
  changed(): void {
    this.lists.clear();
  }
}
