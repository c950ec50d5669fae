// Bothy accountability: vanilla JavaScript and hand-written SVG, served by the escalation service itself.
// The page holds no data: every figure comes from /accountability, called with the place lead's own token.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';

  // ---- token: held by the shared /shared/place-lead-token.js ----

  const takeTokenFromFragment = BothyPlaceLeadToken.takeFromFragment;
  const token = BothyPlaceLeadToken.get;
  const askForToken = BothyPlaceLeadToken.ask;

  async function fetchWithToken(path, accept) {
    const response = await fetch(path, {headers: {Authorization: 'Bearer ' + token(), Accept: accept}});
    if (response.status === 401) {
      askForToken('That token was not accepted (missing, expired or from another issuer). Paste a fresh one.');
      return null;
    }
    if (response.status === 403) {
      askForToken('That token is not a place lead\'s: this record is for place leads only.');
      return null;
    }
    if (!response.ok) {
      throw new Error('the service answered ' + response.status);
    }
    return response;
  }

  // ---- small helpers ----

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cell(row, text, numeric) {
    row.appendChild(el('td', numeric ? {class: 'number'} : {}, text === null || text === undefined ? '—' : String(text)));
  }

  // ---- charts: horizontal bars, one group per body, one bar per measure ----

  function barChart(containerId, chartId, bodies, measures, unit) {
    const container = document.getElementById(containerId);
    container.replaceChildren();
    if (bodies.length === 0) {
      container.appendChild(el('p', {class: 'empty'}, 'No escalation has been raised yet.'));
      return;
    }
    // Each body's name sits on its own line above its bars, so long names are never cut off.
    const left = 8, barHeight = 18, gap = 4, nameHeight = 22, groupGap = 14, legendHeight = 30, width = 760;
    const plotWidth = width - left - 180; // room for the longest value label to the right of the longest bar
    const largest = Math.max(1, ...bodies.flatMap(b => measures.map(m => m.value(b) || 0)));
    const groupHeight = nameHeight + measures.length * (barHeight + gap) + groupGap;
    const height = legendHeight + bodies.length * groupHeight;
    const chart = svg('svg', {id: chartId, viewBox: `0 0 ${width} ${height}`, width: width, height: height, role: 'img'});
    measures.forEach((measure, i) => {
      const x = left + i * 200;
      chart.appendChild(svg('rect', {x: x, y: 6, width: 14, height: 14, fill: measure.colour}));
      chart.appendChild(svg('text', {x: x + 20, y: 18, 'font-size': 13, fill: '#1d2a33'}, measure.label));
    });
    bodies.forEach((body, b) => {
      const top = legendHeight + b * groupHeight;
      chart.appendChild(svg('text', {x: left, y: top + 15, 'font-size': 13, 'font-weight': 'bold', fill: '#1d2a33'},
        body.label));
      measures.forEach((measure, m) => {
        const value = measure.value(body);
        const y = top + nameHeight + m * (barHeight + gap);
        const group = svg('g', {class: 'bar', 'data-body': body.body, 'data-measure': measure.key,
          'data-value': value === null || value === undefined ? '' : String(value)});
        const length = value ? Math.max(2, Math.round(value / largest * plotWidth)) : 0;
        group.appendChild(svg('rect', {x: left, y: y, width: length, height: barHeight, fill: measure.colour}));
        const text = value === null || value === undefined ? measure.none : value + (unit ? ' ' + unit : '');
        group.appendChild(svg('text', {class: 'value', x: left + length + 6, y: y + barHeight - 4,
          'font-size': 12, fill: '#1d2a33'}, measure.label + ': ' + text));
        chart.appendChild(group);
      });
    });
    container.appendChild(chart);
  }

  // ---- the page ----

  function draw(record) {
    document.getElementById('as-of').textContent = record.asOf;
    const bodies = record.bodies;
    barChart('received-chart', 'received-svg', bodies, [
      {key: 'received', label: 'Received', colour: '#2f6f8f', value: b => b.received},
      {key: 'responded', label: 'Answered', colour: '#5a9e6f', value: b => b.responded},
      {key: 'overdueNow', label: 'Overdue now', colour: '#c0504d', value: b => b.overdueNow}
    ]);
    barChart('speed-chart', 'speed-svg', bodies, [
      {key: 'medianDaysToAcknowledge', label: 'To acknowledge', colour: '#9cc3d5', none: 'none acknowledged yet',
        value: b => b.medianDaysToAcknowledge},
      {key: 'medianDaysToRespond', label: 'To answer', colour: '#2f6f8f', none: 'none answered yet',
        value: b => b.medianDaysToRespond}
    ], 'days');
    barChart('commitments-chart', 'commitments-svg', bodies, [
      {key: 'commitmentsMade', label: 'Made', colour: '#2f6f8f', value: b => b.commitmentsMade},
      {key: 'commitmentsKept', label: 'Kept', colour: '#5a9e6f', value: b => b.commitmentsKept},
      {key: 'commitmentsNotKept', label: 'Not kept by the date', colour: '#c0504d', value: b => b.commitmentsNotKept}
    ]);

    const figures = document.querySelector('#figures-table tbody');
    figures.replaceChildren();
    for (const b of bodies) {
      const row = el('tr', {'data-body': b.body});
      row.appendChild(el('th', {scope: 'row'}, b.label));
      [b.received, b.acknowledged, b.medianDaysToAcknowledge, b.responded, b.medianDaysToRespond, b.answeredLate,
        b.overdueNow, b.declined, b.commitmentsMade, b.commitmentsKept, b.commitmentsNotKept, b.commitmentsDue]
        .forEach(value => cell(row, value, true));
      figures.appendChild(row);
    }

    const states = {KEPT: 'Kept', LATE: 'Done, after the date', PAST_DUE: 'Date passed, nothing reported', DUE: 'Not yet due'};
    const log = document.querySelector('#log-table tbody');
    log.replaceChildren();
    for (const c of record.youSaidWeDid) {
      const row = el('tr', {'data-escalation': c.escalationId, 'data-state': c.state});
      cell(row, c.bodyLabel);
      cell(row, c.pattern);
      cell(row, c.people, true);
      cell(row, c.said);
      cell(row, c.by);
      cell(row, c.did === null ? 'Nothing reported yet' : c.did + ' (' + c.madeOn + ')');
      cell(row, states[c.state] || c.state);
      log.appendChild(row);
    }
    if (record.youSaidWeDid.length === 0) {
      const row = el('tr');
      row.appendChild(el('td', {colspan: 7}, 'No body has committed to a change yet.'));
      log.appendChild(row);
    }
    document.getElementById('disclosure-note').textContent = record.disclosureNote;
  }

  async function load() {
    if (!token()) {
      askForToken('');
      return;
    }
    document.body.dataset.state = 'loading';
    document.getElementById('sign-in').hidden = true;
    try {
      const response = await fetchWithToken('/accountability', 'application/json');
      if (!response) return;
      draw(await response.json());
      document.getElementById('main').hidden = false;
      document.getElementById('sign-out').hidden = false;
      document.getElementById('problem').textContent = '';
      document.body.dataset.state = 'ready';
    } catch (error) {
      document.getElementById('main').hidden = false;
      document.getElementById('problem').textContent = 'Could not load the record: ' + error.message;
      document.body.dataset.state = 'failed';
    }
  }

  async function saveSummary() {
    const response = await fetchWithToken('/accountability/summary', 'text/html');
    if (!response) return;
    const link = document.getElementById('summary-link');
    link.href = URL.createObjectURL(new Blob([await response.text()], {type: 'text/html'}));
    link.hidden = false;
    link.click();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('token-form').addEventListener('submit', event => {
      event.preventDefault();
      BothyPlaceLeadToken.set(document.getElementById('token-input').value.trim());
      document.getElementById('token-input').value = '';
      load();
    });
    document.getElementById('sign-out').addEventListener('click', () => askForToken('Token forgotten.'));
    document.getElementById('summary-button').addEventListener('click', () => saveSummary());
    window.addEventListener('hashchange', () => {
      takeTokenFromFragment();
      load();
    });
    takeTokenFromFragment();
    load();
  });
})();
