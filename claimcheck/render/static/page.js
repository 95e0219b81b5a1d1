(() => {
  const pop = document.getElementById('cc-pop');
  const FIELDS = [['text', 'claim'], ['source', 'source'], ['name', 'resolves to'], ['type', 'type'],
                  ['cue', 'cue'], ['quote', 'quote'], ['hedges', 'hedges']];
  const QUOTE_FIELDS = [['vdetail', 'check'], ['vflips', 'meaning'], ['vspeaker', 'speaker'],
                        ['vdiff', 'diff'], ['vsource', 'source']];
  let current = null;
  const HOVER = '.vq, .claim';
  const fragments = (el) => el.dataset.vq
    ? document.querySelectorAll('.vq[data-vq="' + el.dataset.vq + '"]')
    : document.querySelectorAll('.claim[data-claim="' + el.dataset.claim + '"]');
  function diffNodes(json) {
    const out = document.createElement('span');
    for (const [op, src, quote] of JSON.parse(json)) {
      if (op === 'equal') { out.append(quote + ' '); continue; }
      if (src) { const del = document.createElement('del'); del.textContent = src; out.append(del, ' '); }
      if (quote) { const ins = document.createElement('ins'); ins.textContent = quote; out.append(ins, ' '); }
    }
    return out;
  }
  function show(el) {
    if (current === el) return;
    hide();
    current = el;
    const d = el.dataset;
    const title = document.createElement('div');
    title.className = 't';
    const isQuote = Boolean(d.vq);
    title.textContent = isQuote ? 'Quote: ' + d.vstatus : (d.name ? 'Source: ' + d.name : 'Unattributed claim');
    const dl = document.createElement('dl');
    for (const [key, label] of (isQuote ? QUOTE_FIELDS : FIELDS)) {
      if (!d[key]) continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      if (key === 'vdiff') dd.append(diffNodes(d[key])); else dd.textContent = d[key];
      if (key === 'vsource') dd.style.whiteSpace = 'pre-wrap';
      dl.append(dt, dd);
    }
    pop.replaceChildren(title, dl);
    pop.hidden = false;
    const r = el.getBoundingClientRect();
    const right = window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8;
    const left = Math.min(window.scrollX + r.left, right);
    pop.style.left = Math.max(8, left) + 'px';
    pop.style.top = (window.scrollY + r.bottom + 6) + 'px';
    el.setAttribute('aria-describedby', 'cc-pop');
    fragments(el).forEach((f) => f.classList.add('hl'));
  }
  function hide() {
    if (!current) return;
    fragments(current).forEach((f) => f.classList.remove('hl'));
    current.removeAttribute('aria-describedby');
    current = null;
    pop.hidden = true;
  }
  document.addEventListener('mouseover', (e) => {
    const el = e.target.closest && e.target.closest(HOVER);
    if (el) show(el); else if (!pop.contains(e.target)) hide();
  });
  document.addEventListener('focusin', (e) => {
    const el = e.target.closest && e.target.closest(HOVER);
    if (el) show(el); else hide();
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  document.querySelectorAll('.finding a').forEach((a) => a.addEventListener('click', (e) => {
    const target = document.getElementById(a.dataset.target);
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({behavior: 'smooth', block: 'center'});
    document.querySelectorAll('[data-finding="' + a.dataset.target + '"]').forEach((f) => {
      f.classList.remove('flash'); void f.offsetWidth; f.classList.add('flash');
    });
    const claim = target.closest('.claim');
    if (claim && claim.tabIndex === 0) claim.focus({preventScroll: true});
    history.replaceState(null, '', '#' + a.dataset.target);
  }));
  document.querySelectorAll('.lg').forEach((btn) => btn.addEventListener('click', () => {
    const doc = btn.closest('.doc');
    const on = btn.getAttribute('aria-pressed') !== 'true';
    doc.querySelectorAll('.lg').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    doc.querySelectorAll('.claim.on').forEach((c) => c.classList.remove('on'));
    doc.classList.toggle('filtering', on);
    if (on) {
      btn.setAttribute('aria-pressed', 'true');
      doc.querySelectorAll('.claim[data-src-key="' + btn.dataset.key + '"]').forEach((c) => c.classList.add('on'));
    }
  }));
  document.documentElement.dataset.ready = String(document.querySelectorAll('.claim.first').length);
})();
