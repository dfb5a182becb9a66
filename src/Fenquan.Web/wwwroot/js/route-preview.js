// The submission form's live route preview (issue 14). The server's core decides the route and who
// acts (POST /api/v1/matters/route-preview, the same code that routes a real submission); this only
// sends the facts typed and shows the lines it gets back. Without a script, the form's
// "预览审批路线" button asks the same of the page.
(() => {
  'use strict';
  const form = document.querySelector('form[data-route-preview]');
  const body = form && form.querySelector('[data-preview-body]');
  const words = document.getElementById('preview-words');
  if (!form || !body || !words || !window.fetch) {
    return;
  }

  const field = (name) => form.elements.namedItem(name);
  const value = (name) => {
    const el = field(name);
    return el && 'value' in el ? el.value.trim() : '';
  };

  // A price as people write it ("¥300", "1,200元", "1.2万"); the server reads it the same way (AmountText).
  const yuan = (text) => {
    let t = text.replace(/[¥￥,，\s元]/g, '');
    let factor = 1;
    if (t.endsWith('万')) {
      factor = 10000;
      t = t.slice(0, -1);
    }
    return t === '' ? NaN : Number(t) * factor;
  };

  // With no amount typed, a claim's amount is its lines' sum, as the page reads it.
  const linesSum = () => {
    let sum = 0;
    for (let i = 0; field('Lines[' + i + '].Quantity'); i++) {
      const q = Number(value('Lines[' + i + '].Quantity'));
      const p = yuan(value('Lines[' + i + '].UnitPrice'));
      if (!Number.isNaN(q) && !Number.isNaN(p)) {
        sum += Math.round(q * p * 100) / 100;
      }
    }
    return sum > 0 ? sum.toFixed(2) : '';
  };

  const facts = () => {
    const kind = value('Kind');
    const itemCode = kind === 'PurchasePlan' ? value('CatalogueCode') : kind === 'ApprovalItem' ? value('ApprovalItemCode') : '';
    const payMe = field('PayMe');
    return {
      kind: kind || null,
      amount: value('Amount') || linesSum() || null,
      payMe: !!(payMe && payMe.checked),
      payeeName: value('PayeeName') || null,
      itemCode: itemCode || null,
    };
  };

  const element = (tag, text, className) => {
    const el = document.createElement(tag);
    el.textContent = text;
    if (className) {
      el.className = className;
    }
    return el;
  };

  const show = (answer, ok) => {
    body.replaceChildren();
    if (!ok) {
      const error = element('p', answer.detail || answer.title || '', 'error');
      error.dataset.testid = 'preview-error';
      body.append(error);
      return;
    }
    const list = document.createElement('ol');
    list.dataset.testid = 'preview-steps';
    for (const step of answer.steps) {
      list.append(element('li', step.text, step.meeting ? 'meeting' : ''));
    }
    body.append(list);
    if (answer.meeting) {
      const meeting = element('p', answer.meeting, 'preview-meeting');
      meeting.dataset.testid = 'preview-meeting';
      body.append(meeting);
    }
    if (answer.amountCapital) {
      const capital = element('p', words.dataset.capital.replace('{0}', answer.amountCapital));
      capital.dataset.testid = 'preview-capital';
      body.append(capital);
    }
    body.append(element('p', words.dataset.rules.replace('{0}', answer.rules.join('、')), 'muted'));
  };

  let timer = 0;
  let asked = 0;
  const preview = async () => {
    const request = ++asked;
    try {
      const response = await fetch(form.dataset.routePreview, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' },
        body: JSON.stringify(facts()),
      });
      const answer = await response.json();
      if (request === asked) {
        show(answer, response.ok);
      }
    } catch {
      // Offline or signed out: the button still previews through the page.
    }
  };

  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 250);
  };

  form.addEventListener('input', later);
  form.addEventListener('change', later);
  if (value('Amount')) {
    later();
  }
})();
