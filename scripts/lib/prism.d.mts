export interface PrismOptions {
  mode?: 'mock' | 'proxy';
  upstream?: string;
  spec?: string;
  args?: string[];
  timeoutMs?: number;
  onLog?: (line: string) => void;
}
export interface PrismHandle {
  url: string;
  stop(): Promise<void>;
  logs: string[];
}
/** Starts Prism on 127.0.0.1 with an ephemeral port; resolves once it is listening. */
export function startPrism(options?: PrismOptions): Promise<PrismHandle>;
