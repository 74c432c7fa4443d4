// Traces: newest first, with the resources each one crossed; a trace's name opens its waterfall.
import { clock, duration, el, every, fill, getJson, picker, query, resourceChip, updateOptions } from '../dom.js';

export async function render(page) {
  const filter = { resource: '', text: '', errorsOnly: false };
  let shown = '';
  const resources = picker('Resource', [], '', value => { filter.resource = value; refresh(); });
  const text = el('input', {
    type: 'search', placeholder: 'Name or trace id', 'aria-label': 'Search',
    oninput: () => { filter.text = text.value; refresh(); },
  });
  const errors = el('input', { type: 'checkbox', onchange: () => { filter.errorsOnly = errors.checked; refresh(); } });
  const body = el('tbody');
  page.append(
    el('h1', {}, 'Traces'),
    el('div', { class: 'filters' }, resources, text, el('label', {}, errors, ' Errors only')),
    el('table', { class: 'grid', id: 'traces' },
      el('thead', {}, el('tr', {}, ['Time', 'Name', 'Resources', 'Duration', 'Spans', ''].map(title => el('th', {}, title)))),
      body));

  async function refresh() {
    const [names, traces] = await Promise.all([
      getJson('/api/telemetry/resources'),
      getJson(`/api/traces?${query({ ...filter, limit: 200 })}`),
    ]);
    updateOptions(resources, names);
    const signature = JSON.stringify([filter, traces.map(t => [t.traceId, t.spanCount])]);
    if (signature === shown) return;
    shown = signature;
    fill(body, traces.length === 0
      ? el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No traces match.'))
      : traces.map(trace => el('tr', { 'data-trace': trace.traceId },
        el('td', { class: 'nowrap' }, clock(trace.start)),
        el('td', {}, el('a', { href: `/traces/${trace.traceId}` }, `${trace.rootResource}: ${trace.name}`)),
        el('td', {}, trace.resources.map(resourceChip)),
        el('td', { class: 'nowrap' }, duration(trace.durationMs)),
        el('td', {}, trace.spanCount),
        el('td', {}, trace.hasError ? el('span', { class: 'badge error' }, 'Error') : ''))));
  }

  every(2000, refresh);
}
