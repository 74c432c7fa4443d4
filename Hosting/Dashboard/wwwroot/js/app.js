// Picks the page from the address (/, /console/cache, /traces/<id>…) and lets its module draw it.
const modules = { '': 'resources', console: 'console', structured: 'logs', traces: 'traces', metrics: 'metrics' };
const [, section = '', argument = ''] = location.pathname.split('/');
const name = section === 'traces' && argument ? 'trace' : modules[section] ?? 'resources';

for (const link of document.querySelectorAll('nav a')) {
  link.classList.toggle('active', link.getAttribute('href') === `/${section}`);
}

const page = await import(`./pages/${name}.js`);
await page.render(document.getElementById('page'), decodeURIComponent(argument));
