/**
 * Revoked token ids (`jti`), published by responsibility and polled by the gateway and
 * every subgraph, so a revoked token stops working everywhere within one poll interval.
 */
export class RevocationList {
  private readonly revoked = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastError: unknown;

  has(jti: string | undefined): boolean {
    return jti !== undefined && this.revoked.has(jti);
  }

  replace(jtis: Iterable<string>): void {
    this.revoked.clear();
    for (const jti of jtis) this.revoked.add(jti);
  }

  add(jti: string): void {
    this.revoked.add(jti);
  }

  get error(): unknown {
    return this.lastError;
  }

  /** Polls `url` (which answers `{ revoked: string[] }`) every `intervalMs`; keeps the last list on failure. */
  async startPolling(url: string, intervalMs = 2000): Promise<void> {
    const poll = async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(intervalMs * 2) });
        if (!response.ok) throw new Error(`revocation list: HTTP ${response.status}`);
        const body = (await response.json()) as { revoked: string[] };
        this.replace(body.revoked);
        this.lastError = undefined;
      } catch (error) {
        this.lastError = error;
      }
    };
    await poll();
    this.timer = setInterval(poll, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
