// One trace as a waterfall: every span under its parent, across resources, on a shared time axis.
import { clock, colourOf, duration, el, every, fill, getJson, resourceChip } from '../dom.js';
import { attributeTable } from './logs.js';

export async function render(page, traceId) {
  const expanded = new Set();
  let shownSpans = -1;
  const header = el('div');
  const waterfall = el('div', { class: 'waterfall', id: 'waterfall' });
  page.append(header, waterfall);

  async function refresh() {
    const response = await fetch(`/api/traces/${encodeURIComponent(traceId)}`);
    if (response.status === 404) {
      fill(header, el('h1', {}, 'Trace not found'),
        el('p', { class: 'muted' }, `No spans of trace ${traceId} are kept (the dashboard keeps the last 10,000 traces).`));
      return;
    }

    const trace = await response.json();
    // Spans arrive from each service in its own batch: draw again only when more came in.
    if (trace.spans.length === shownSpans) return;
    shownSpans = trace.spans.length;
    draw(trace);
  }

  function draw(trace) {
    const { summary, spans } = trace;
    fill(header,
      el('h1', {}, `${summary.rootResource}: ${summary.name}`, summary.hasError ? el('span', { class: 'badge error' }, 'Error') : null),
      el('p', { class: 'summary' },
        `${clock(summary.start)} · ${duration(summary.durationMs)} · ${summary.spanCount} spans · `,
        summary.resources.map(resourceChip), ' ',
        el('a', { href: `/structured?traceId=${summary.traceId}` }, 'Logs of this trace')));
    const total = Math.max(summary.durationMs, 0.001);
    fill(waterfall,
      el('div', { class: 'span-row axis' }, el('div', { class: 'label' }, 'Span'),
        el('div', { class: 'timeline' }, [0, 0.25, 0.5, 0.75, 1].map(f => tick(f, duration(total * f))))),
      spans.flatMap(span => {
        const row = spanRow(span, total);
        return expanded.has(span.spanId) ? [row, spanDetails(span)] : [row];
      }));
  }

  function spanRow(span, total) {
    const label = el('div', { class: 'label' }, resourceChip(span.resource), ' ', span.name, el('span', { class: 'muted small' }, ` ${span.kind}`));
    label.style.paddingLeft = `${span.depth * 16 + 4}px`;
    const bar = el('div', { class: `bar ${colourOf(span.resource)}${span.isError ? ' error' : ''}` });
    bar.style.left = `${(span.offsetMs / total) * 100}%`;
    bar.style.width = `${Math.max((span.durationMs / total) * 100, 0.3)}%`;
    // The duration goes just past the bar's end, where it stays readable.
    const time = el('span', { class: 'bar-time' }, duration(span.durationMs));
    time.style.left = `${Math.min(((span.offsetMs + span.durationMs) / total) * 100, 100)}%`;
    return el('div', {
      class: 'span-row', 'data-resource': span.resource,
      onclick: () => { expanded.has(span.spanId) ? expanded.delete(span.spanId) : expanded.add(span.spanId); shownSpans = -1; refresh(); },
    }, label, el('div', { class: 'timeline' }, bar, time));
  }

  every(3000, refresh);
}

function tick(fraction, text) {
  const mark = el('span', { class: 'tick' }, text);
  mark.style.left = `${fraction * 100}%`;
  return mark;
}

function spanDetails(span) {
  return el('div', { class: 'span-details' },
    el('p', {}, `${span.scope} · ${span.kind} · span ${span.spanId}`, span.statusMessage ? el('strong', { class: 'error-text' }, ` ${span.statusMessage}`) : null),
    attributeTable(span.attributes),
    span.events.map(event => el('div', {}, el('strong', {}, `${event.name} at +${duration(event.offsetMs)}`), attributeTable(event.attributes))));
}
