// embed.html?src=…&view=…&chart=…&lang=…&theme=…&size=…: one <budget-lens> for sites whose CMS strips
// <script> from articles (they can still embed an <iframe>). The settings come from the URL; the page tells
// its parent its height after every change, so the parent can size the iframe:
//   addEventListener('message', (e) => { if (e.data?.type === 'budget-lens-height')
//     for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = `${e.data.height}px`; });
// The element's own attribute list (the same module the page loads, evaluated once).
import { ATTRIBUTES } from './budget-lens.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('budget-lens');
for (const { name, flag, embed } of ATTRIBUTES) {
  if (embed === false) continue;
  if (flag) {
    if (params.has(name)) widget.setAttribute(name, '');
  } else if (params.get(name)) {
    widget.setAttribute(name, params.get(name));
  }
}
document.documentElement.lang = /^en\b/i.test(params.get('lang') || '') ? 'en' : 'zh-CN';
document.getElementById('embed').append(widget);

// The height is no secret: it goes to whichever page embeds this one.
let last = -1;
function tellHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'budget-lens-height', height, src: params.get('src') }, '*');
}
new ResizeObserver(tellHeight).observe(document.documentElement);
widget.addEventListener('budget-lens-ready', tellHeight);
