// Line charts as inline SVG: one per instrument view, a line per series, the latest values in the legend.
import { el, number } from './dom.js';

const svgNamespace = 'http://www.w3.org/2000/svg';
const width = 480;
const height = 160;
const margin = { left: 44, right: 8, top: 8, bottom: 20 };

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export function lineChart(chart) {
  const points = chart.series.flatMap(series => series.points);
  const caption = el('figcaption', {}, chart.title, chart.unit ? el('span', { class: 'muted' }, ` (${chart.unit})`) : null);
  if (points.length === 0) {
    return el('figure', { class: 'chart' }, caption, el('p', { class: 'muted' }, 'No data yet.'));
  }

  const minT = Math.min(...points.map(p => p.t));
  const maxT = Math.max(...points.map(p => p.t), minT + 1000);
  const maxV = Math.max(...points.map(p => p.v), 0) * 1.1 || 1;
  const x = t => margin.left + ((t - minT) / (maxT - minT)) * (width - margin.left - margin.right);
  const y = v => height - margin.bottom - (v / maxV) * (height - margin.top - margin.bottom);

  const grid = [0, 0.25, 0.5, 0.75, 1].map(fraction => {
    const value = maxV * fraction;
    return svg('g', {},
      svg('line', { class: 'grid-line', x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'axis-label', x: margin.left - 4, y: y(value) + 3, 'text-anchor': 'end' }, number(value)));
  });
  const times = [minT, maxT].map((t, i) => svg('text', {
    class: 'axis-label', x: x(t), y: height - 4, 'text-anchor': i === 0 ? 'start' : 'end',
  }, new Date(t).toLocaleTimeString([], { hour12: false })));
  const lines = chart.series.map((series, i) => svg('polyline', {
    class: `series s${i}`,
    points: series.points.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' '),
  }));

  const legend = el('div', { class: 'legend' }, chart.series.map((series, i) => el('span', { class: `key s${i}` },
    series.name, ' ', el('strong', {}, series.points.length ? number(series.points.at(-1).v) : '–'))));
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': chart.title }, ...grid, ...times, ...lines);
  return el('figure', { class: 'chart' }, caption, picture, legend);
}
