// Metrics: a resource's charts (requests, latency, CPU, memory, GC, then every other instrument), refreshed live.
import { el, every, fill, getJson, picker, updateOptions } from '../dom.js';
import { lineChart } from '../chart.js';

export async function render(page, resource) {
  const names = await getJson('/api/telemetry/resources');
  const current = resource || names[0];
  const resources = picker('Resource', names, current, value => { location.href = `/metrics/${encodeURIComponent(value)}`; }, null);
  const charts = el('div', { class: 'charts', id: 'charts' });
  page.append(el('h1', {}, 'Metrics'), el('div', { class: 'filters' }, resources), charts);
  if (!current) {
    charts.append(el('p', { class: 'muted' }, 'No resource has sent metrics yet.'));
    return;
  }

  every(2000, async () => {
    const [known, view] = await Promise.all([
      getJson('/api/telemetry/resources'),
      getJson(`/api/metrics/${encodeURIComponent(current)}`),
    ]);
    updateOptions(resources, known);
    fill(charts, view.charts.length === 0
      ? el('p', { class: 'muted' }, `No metrics from ${current} yet.`)
      : view.charts.map(lineChart));
  });
}
