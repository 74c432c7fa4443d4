// Resources: one row per resource, updated as the AppHost reports changes (server-sent events), with actions.
import { clock, el, fill, post, showError } from '../dom.js';

const terminal = new Set(['Exited', 'FailedToStart', 'Finished']);

export function render(page) {
  const resources = new Map();
  const expanded = new Set();
  const pending = new Set();
  const body = el('tbody');
  const status = el('span', { class: 'live' }, 'connecting…');
  page.append(
    el('h1', {}, 'Resources ', status),
    el('table', { class: 'grid', id: 'resources' },
      el('thead', {}, el('tr', {},
        ['Name', 'Type', 'State', 'Health', 'Started', 'Restarts', 'URLs', 'Actions'].map(title => el('th', {}, title)))),
      body));

  const events = new EventSource('/api/resources/events');
  events.addEventListener('resource', event => {
    const resource = JSON.parse(event.data);
    resources.set(resource.name, resource);
    draw();
  });
  events.addEventListener('open', () => { status.textContent = 'live'; });
  events.addEventListener('error', () => { status.textContent = 'reconnecting…'; });

  function draw() {
    const rows = [...resources.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap(resource => expanded.has(resource.name) ? [row(resource), environmentRow(resource)] : [row(resource)]);
    fill(body, rows);
  }

  function row(resource) {
    const isOpen = expanded.has(resource.name);
    return el('tr', { 'data-resource': resource.name },
      el('td', {},
        el('button', {
          class: 'toggle', title: 'Environment', 'aria-expanded': String(isOpen),
          onclick: () => { isOpen ? expanded.delete(resource.name) : expanded.add(resource.name); draw(); },
        }, isOpen ? '▾' : '▸'),
        ' ', el('strong', {}, resource.name),
        resource.parent ? el('span', { class: 'muted' }, ` in ${resource.parent}`) : null),
      el('td', {}, resource.type),
      el('td', {},
        el('span', { class: `state state-${resource.state.toLowerCase()}` }, resource.state),
        resource.message ? el('div', { class: 'muted small' }, resource.message) : null),
      el('td', {}, el('span', { class: `health health-${resource.health.toLowerCase()}` }, resource.health)),
      el('td', {}, clock(resource.startedAt)),
      el('td', { class: 'restarts' }, resource.restarts),
      el('td', {}, resource.urls.map(url => el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url))),
      el('td', { class: 'actions' },
        el('a', { href: `/console/${encodeURIComponent(resource.name)}` }, 'Logs'),
        resource.canControl ? actions(resource) : null));
  }

  function actions(resource) {
    const stopped = terminal.has(resource.state);
    const button = (action, label) => el('button', {
      'data-action': action,
      disabled: pending.has(resource.name),
      onclick: () => run(resource.name, action),
    }, label);
    return [stopped ? button('start', 'Start') : button('stop', 'Stop'), button('restart', 'Restart')];
  }

  async function run(name, action) {
    pending.add(name);
    draw();
    try {
      await post(`/api/resources/${encodeURIComponent(name)}/${action}`);
      showError(null);
    } catch (error) {
      showError(new Error(`${action} ${name}: ${error.message}`));
    } finally {
      pending.delete(name);
      draw();
    }
  }
}

function environmentRow(resource) {
  const variables = resource.environment.length === 0
    ? el('p', { class: 'muted' }, 'No environment from the app model.')
    : el('table', { class: 'environment' },
      resource.environment.map(variable => el('tr', {}, el('td', {}, variable.name), el('td', {}, variable.value))));
  return el('tr', { class: 'details' }, el('td', { colspan: 8 }, variables));
}
