// Helpers shared by the pages. Elements are built from text nodes, never from HTML strings, so nothing a resource
// logs or sends can turn into markup.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.status === 401) location.reload();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.json();
}

export async function post(url) {
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `${response.status} ${response.statusText}`);
  }
}

/** A query string of the non-empty values. */
export function query(values) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== '' && value !== undefined && value !== null && value !== false) search.set(key, value);
  }
  return search.toString();
}

/** Runs refresh now and then every intervalMs while the tab is visible, never two at once. */
export function every(intervalMs, refresh) {
  let running = false;
  const tick = async () => {
    if (document.hidden || running) return;
    running = true;
    try {
      await refresh();
      showError(null);
    } catch (error) {
      showError(error);
    } finally {
      running = false;
    }
  };
  tick();
  setInterval(tick, intervalMs);
  document.addEventListener('visibilitychange', tick);
}

export function showError(error) {
  const banner = document.getElementById('error');
  banner.hidden = !error;
  banner.textContent = error ? String(error.message ?? error) : '';
}

export function clock(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '';
}

export function duration(ms) {
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function number(value) {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (magnitude >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return value.toFixed(magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

/** A colour class per resource, handed out in the order resources are first seen and remembered for the browser
 * session, so a resource keeps its colour on every page and the first eight never share one. */
export function colourOf(resource) {
  const colours = JSON.parse(sessionStorage.getItem('resource-colours') ?? '{}');
  if (!(resource in colours)) {
    colours[resource] = Object.keys(colours).length % 8;
    sessionStorage.setItem('resource-colours', JSON.stringify(colours));
  }
  return `c${colours[resource]}`;
}

export function resourceChip(resource) {
  return el('span', { class: `chip ${colourOf(resource)}` }, resource);
}

/** A <select> with an "all" entry; onchange receives the chosen value. */
export function picker(label, values, selected, onchange, allLabel = 'All') {
  const select = el('select', { 'aria-label': label, onchange: () => onchange(select.value) },
    allLabel === null ? [] : el('option', { value: '' }, allLabel),
    values.map(value => el('option', { value, selected: value === selected }, value)));
  return el('label', {}, `${label} `, select);
}

/** Keeps a <select>'s options in step with a list that grows (resources that start sending telemetry). */
export function updateOptions(label, values) {
  const select = label.querySelector('select');
  const known = new Set([...select.options].map(option => option.value));
  for (const value of values) {
    if (!known.has(value)) select.append(el('option', { value }, value));
  }
}
