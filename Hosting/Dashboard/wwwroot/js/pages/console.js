// Console logs: a resource's output, the kept lines first and then each new one as it is written.
import { clock, el, getJson, picker } from '../dom.js';

const maxLines = 10000;

export async function render(page, resource) {
  const names = (await getJson('/api/resources')).map(r => r.name);
  const current = resource || names[0];
  const search = el('input', { type: 'search', placeholder: 'Search', 'aria-label': 'Search', oninput: applySearch });
  const follow = el('input', { type: 'checkbox', checked: true });
  const output = el('div', { class: 'console', id: 'console' });
  page.append(
    el('h1', {}, 'Console logs'),
    el('div', { class: 'filters' },
      picker('Resource', names, current, value => { location.href = `/console/${encodeURIComponent(value)}`; }, null),
      search,
      el('label', {}, follow, ' Follow')),
    output);
  if (!current) return;

  const source = new EventSource(`/api/console/${encodeURIComponent(current)}`);
  // After a reconnect the server sends the kept lines again: start over rather than show them twice.
  source.addEventListener('open', () => output.replaceChildren());
  source.addEventListener('line', event => add(JSON.parse(event.data)));

  function add(line) {
    const row = el('div', { class: line.isError ? 'line stderr' : 'line' }, el('span', { class: 'at' }, clock(line.at)), line.text);
    row.hidden = !matches(line.text);
    output.append(row);
    while (output.childElementCount > maxLines) output.firstElementChild.remove();
    if (follow.checked) output.scrollTop = output.scrollHeight;
  }

  function matches(text) {
    return !search.value || text.toLowerCase().includes(search.value.toLowerCase());
  }

  function applySearch() {
    for (const row of output.children) row.hidden = !matches(row.lastChild.textContent);
  }
}
