// The demo page's copy button. Kept out of the page so it works under a strict CSP (script-src 'self').
const button = document.getElementById('copy');
button.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(document.getElementById('snippet').textContent);
    button.textContent = '已复制';
  } catch {
    button.textContent = '请手动选择并复制';
  }
});
