// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and sums self time per function and per
// source (the SDK's src/, openapi-fetch, cockatiel, undici, Node internals, GC), within a time window.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  source: string;
  /** µs of self time per call. */
  usPerCall: number;
  /** Share of the non-idle samples in the window. */
  share: number;
}

export interface ProfileSummary {
  calls: number;
  /** Whether the measured window lined up with the profile's clock (else the whole profile is used). */
  windowed: boolean;
  /** Non-idle CPU µs per call (client process only). */
  busyUsPerCall: number;
  /** Idle µs per call: waiting for the server. */
  idleUsPerCall: number;
  bySource: SelfTime[];
  topFunctions: SelfTime[];
}

const REPO = /\/work\/[^/]+\/|file:\/\/\/[^ ]*?\/(?=src\/|bench\/|node_modules\/)/;

/** Which bucket a frame's self time goes to. */
export function sourceOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return 'V8/native';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1] === '@opentelemetry' ? '@opentelemetry/api' : pkg[1];
  if (url.includes('internal/deps/undici')) return 'Node fetch (bundled undici)';
  if (url.startsWith('node:')) return 'Node core';
  // bench/run.ts measures src/ through a bundle in bench/.build (see bench/lib/build-sdk.ts).
  if (/\/src\//.test(url) || url.includes('/bench/.build/')) return 'SDK src/';
  if (/\/bench\//.test(url)) return 'bench harness';
  return url;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(REPO, '')
    .replace(/^.*node_modules\//, '');
}

export function summarizeProfile(
  path: string,
  calls: number,
  startUs: number,
  endUs: number,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const windowed = startUs >= profile.startTime && endUs <= profile.endTime;
  const self = new Map<string, { frame: CallFrame; us: number }>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one (as in Chrome DevTools).
    const weight = profile.timeDeltas[i + 1] ?? 0;
    if (windowed && (t < startUs || t > endUs)) continue;
    const frame = byId.get(profile.samples[i] ?? -1);
    if (!frame) continue;
    const key = `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}`;
    const entry = self.get(key) ?? { frame, us: 0 };
    entry.us += weight;
    self.set(key, entry);
  }
  let idle = 0;
  let busy = 0;
  const sources = new Map<string, number>();
  for (const { frame, us } of self.values()) {
    const source = sourceOf(frame);
    if (source === 'idle') idle += us;
    else busy += us;
    sources.set(source, (sources.get(source) ?? 0) + us);
  }
  sources.delete('idle');
  const perCall = (us: number): number => us / calls;
  const bySource = [...sources.entries()]
    .map(([source, us]) => ({ name: source, source, usPerCall: perCall(us), share: us / busy }))
    .sort((a, b) => b.usPerCall - a.usPerCall);
  const topFunctions = [...self.values()]
    .filter(({ frame }) => sourceOf(frame) !== 'idle')
    .sort((a, b) => b.us - a.us)
    .slice(0, 15)
    .map(({ frame, us }) => ({
      name: `${frame.functionName || '(anonymous)'}${frame.url ? ` ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : ''}`,
      source: sourceOf(frame),
      usPerCall: perCall(us),
      share: us / busy,
    }));
  return {
    calls,
    windowed,
    busyUsPerCall: perCall(busy),
    idleUsPerCall: perCall(idle),
    bySource,
    topFunctions,
  };
}
