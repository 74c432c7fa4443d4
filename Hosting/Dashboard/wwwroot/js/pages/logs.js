// Structured logs: the records the services sent over OTLP, newest first, filtered by resource, level and text.
import { clock, el, every, fill, getJson, picker, query, resourceChip, updateOptions } from '../dom.js';

const levels = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];

export async function render(page) {
  const filter = Object.fromEntries(new URLSearchParams(location.search));
  const expanded = new Set();
  let shown = '';
  const resources = picker('Resource', [], filter.resource, value => { filter.resource = value; refresh(); });
  const level = picker('Level', levels, filter.level, value => { filter.level = value; refresh(); }, 'Any');
  const text = el('input', {
    type: 'search', placeholder: 'Search messages', 'aria-label': 'Search', value: filter.text ?? '',
    oninput: () => { filter.text = text.value; refresh(); },
  });
  const traceFilter = filter.traceId
    ? el('a', { class: 'chip', href: '/structured', title: 'Show every trace' }, `trace ${filter.traceId.slice(0, 8)}… ✕`)
    : null;
  const body = el('tbody');
  page.append(
    el('h1', {}, 'Structured logs'),
    el('div', { class: 'filters' }, resources, level, text, traceFilter),
    el('table', { class: 'grid', id: 'logs' },
      el('thead', {}, el('tr', {}, ['Time', 'Resource', 'Level', 'Message', 'Trace'].map(title => el('th', {}, title)))),
      body));

  async function refresh() {
    const [names, records] = await Promise.all([
      getJson('/api/telemetry/resources'),
      getJson(`/api/logs?${query({ ...filter, limit: 500 })}`),
    ]);
    updateOptions(resources, names);
    // Redraw only on change, so an open row and the scroll position survive the polling.
    const signature = JSON.stringify([filter, records.length, records[0]?.id, [...expanded]]);
    if (signature === shown) return;
    shown = signature;
    fill(body, records.length === 0
      ? el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No log records match.'))
      : records.flatMap(record => expanded.has(record.id) ? [row(record), details(record)] : [row(record)]));
  }

  function row(record) {
    return el('tr', { class: `level-${record.severity.toLowerCase()}`, onclick: () => toggle(record.id) },
      el('td', { class: 'nowrap' }, clock(record.time)),
      el('td', {}, resourceChip(record.resource)),
      el('td', {}, el('span', { class: 'level' }, record.severity)),
      el('td', { class: 'message' }, record.message, el('div', { class: 'muted small' }, record.category)),
      el('td', {}, record.traceId
        ? el('a', { href: `/traces/${record.traceId}`, onclick: event => event.stopPropagation() }, record.traceId.slice(0, 8))
        : ''));
  }

  function toggle(id) {
    expanded.has(id) ? expanded.delete(id) : expanded.add(id);
    refresh();
  }

  every(2000, refresh);
}

export function details(record) {
  return el('tr', { class: 'details' }, el('td', { colspan: 5 }, attributeTable(record.attributes)));
}

export function attributeTable(attributes) {
  return attributes.length === 0
    ? el('p', { class: 'muted' }, 'No attributes.')
    : el('table', { class: 'environment' },
      attributes.map(attribute => el('tr', {}, el('td', {}, attribute.name), el('td', {}, attribute.value))));
}
