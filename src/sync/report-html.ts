// report.html: one self-contained page (inline CSS and SVG, no script, no external request) with the
// totals, a timeline of throughput and errors, the errors by reason and the conflicts with both sides.
import type { SyncConflict, SyncReport, SyncTimelinePoint } from './types.js';

const esc = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** The page for a run's report (with its reprocessing passes, if any). */
export function renderHtmlReport(report: SyncReport & { reprocess?: readonly SyncReport[] }): string {
  const passes = [report, ...(report.reprocess ?? [])];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>User sync report ${esc(report.runId)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1d2330}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.meta{color:#5b6474}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:14px}.card{border:1px solid #d8dce3;border-radius:8px;padding:10px 14px;min-width:92px}
.card b{display:block;font-size:22px}.card.bad b{color:#b42318}.card.good b{color:#067647}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e4e7ec;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f7f9}code,pre{font:12px ui-monospace,monospace}pre{margin:0;white-space:pre-wrap}
.status{display:inline-block;padding:1px 8px;border-radius:10px;background:#e7f6ec;color:#067647}.status.failed,.status.aborted{background:#fde7e7;color:#b42318}
svg text{font:11px system-ui,sans-serif;fill:#5b6474}
</style></head><body>
<h1>User sync report</h1>
<div class="meta">Run <code>${esc(report.runId)}</code> · key <code>${esc(report.key)}</code> · matched by ${esc(report.matching)} · ${esc(report.startedAt)} → ${esc(report.finishedAt)}${report.dryRun ? ' · <b>dry run</b>' : ''}${report.resumes ? ` · resumed ${String(report.resumes)}×` : ''}</div>
${passes.map((p, i) => renderPass(p, i)).join('\n')}
</body></html>
`;
}

function renderPass(p: SyncReport, index: number): string {
  const t = p.totals;
  const card = (label: string, value: number, cls = ''): string =>
    `<div class="card ${cls}"><span>${label}</span><b>${String(value)}</b></div>`;
  return `<section>
<h2>${index === 0 ? 'Run' : `Reprocessing pass ${String(index)}`} <span class="status ${esc(p.status)}">${esc(p.status)}</span></h2>
${p.error ? `<p><b>Error:</b> ${esc(p.error)}</p>` : ''}
<div class="cards">${card('read', t.read)}${card('created', t.created, 'good')}${card('updated', t.updated, 'good')}${card('unchanged', t.unchanged)}${card('deleted', t.deleted)}${card('skipped', t.skipped)}${card('failed', t.failed, t.failed ? 'bad' : '')}${card('conflicts', t.conflicts, t.conflicts ? 'bad' : '')}</div>
${p.deletesRefused ? `<p><b>${String(p.deletesRefused)} deletes refused</b>: more than the threshold share of the API's users; run again with --force if that is intended.</p>` : ''}
<h2>Throughput and errors</h2>
${renderTimeline(p.timeline)}
<h2>Errors by reason</h2>
${p.errors.length === 0 ? '<p>None.</p>' : `<table><tr><th>reason</th><th>error</th><th>records</th><th>retryable</th><th>example</th></tr>${p.errors.map((e) => `<tr><td>${esc(e.reason)}</td><td><code>${esc(e.error)}</code></td><td>${String(e.count)}</td><td>${e.retryable ? 'yes' : 'no'}</td><td>${esc(e.example)}</td></tr>`).join('')}</table>`}
${p.deadLetterFile && t.failed ? `<p>Failed records: <code>${esc(p.deadLetterFile)}</code> (fix, then <code>user-management sync reprocess</code>).</p>` : ''}
<h2>Conflicts</h2>
${p.conflicts.length === 0 ? '<p>None.</p>' : renderConflicts(p.conflicts)}
</section>`;
}

function renderConflicts(conflicts: readonly SyncConflict[]): string {
  const side = (record: object, changed: readonly string[]): string =>
    `<pre>${esc(
      Object.entries(record)
        .filter(([k]) => k !== 'id')
        .map(
          ([k, v]) =>
            `${changed.includes(k) ? '* ' : '  '}${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
        )
        .join('\n'),
    )}</pre>`;
  return `<table><tr><th>key</th><th>id</th><th>resolution</th><th>source (* changed)</th><th>API (* changed)</th></tr>${conflicts
    .map(
      (c) =>
        `<tr><td>${esc(c.key)}</td><td>${String(c.id)}</td><td>${esc(c.resolution)}</td><td>${side(c.source, c.changedInSource)}</td><td>${side(c.target, c.changedInTarget)}</td></tr>`,
    )
    .join('')}</table>`;
}

/** Records per second as stacked bars (synced green, failed red), downsampled to at most 240 bars. */
export function renderTimeline(points: readonly SyncTimelinePoint[]): string {
  if (points.length === 0) return '<p>No records.</p>';
  const last = points[points.length - 1]?.second ?? 0;
  const span = Math.max(1, Math.ceil((last + 1) / 240));
  const buckets = Array.from({ length: Math.floor(last / span) + 1 }, () => ({ ok: 0, failed: 0 }));
  for (const p of points) {
    const b = buckets[Math.floor(p.second / span)];
    if (b) {
      b.ok += p.ok / span;
      b.failed += p.failed / span;
    }
  }
  const width = 960;
  const height = 220;
  const pad = { left: 48, bottom: 28, top: 10 };
  const max = Math.max(1, ...buckets.map((b) => b.ok + b.failed));
  const bw = (width - pad.left) / buckets.length;
  const y = (v: number): number => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const bars = buckets
    .map((b, i) => {
      const x = (pad.left + i * bw).toFixed(1);
      const w = Math.max(1, bw - 1).toFixed(1);
      const okTop = y(b.ok);
      const failTop = y(b.ok + b.failed);
      return `<rect x="${x}" y="${okTop.toFixed(1)}" width="${w}" height="${(y(0) - okTop).toFixed(1)}" fill="#2e90fa"/>${b.failed > 0 ? `<rect x="${x}" y="${failTop.toFixed(1)}" width="${w}" height="${(okTop - failTop).toFixed(1)}" fill="#d92d20"/>` : ''}`;
    })
    .join('');
  const label = span === 1 ? 'records / s' : `records / s (mean over ${String(span)} s)`;
  return `<svg viewBox="0 0 ${String(width)} ${String(height)}" width="100%" role="img" aria-label="Throughput and errors over time">
<line x1="${String(pad.left)}" y1="${y(0).toFixed(1)}" x2="${String(width)}" y2="${y(0).toFixed(1)}" stroke="#98a2b3"/>
<text x="4" y="${(pad.top + 8).toFixed(0)}">${max.toFixed(max < 10 ? 1 : 0)}</text><text x="4" y="${y(0).toFixed(0)}">0</text>
<text x="${String(pad.left)}" y="${String(height - 6)}">0 s</text><text x="${String(width - 60)}" y="${String(height - 6)}">${String(last + 1)} s</text>
<text x="${String(width / 2 - 60)}" y="${String(height - 6)}">${label}</text>
${bars}
<rect x="${String(width - 190)}" y="12" width="10" height="10" fill="#2e90fa"/><text x="${String(width - 176)}" y="21">synced</text>
<rect x="${String(width - 110)}" y="12" width="10" height="10" fill="#d92d20"/><text x="${String(width - 96)}" y="21">failed</text>
</svg>`;
}
