// Bothy place dashboard: vanilla JavaScript and hand-written SVG, served by the place service itself.
// The page holds no data: every figure comes from the query API, called with the place lead's own token.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const FILTER_NAMES = ['from', 'to', 'organisation', 'theme', 'systemActor'];
  let codes = null;

  // ---- token: held by the shared /shared/place-lead-token.js ----

  const takeTokenFromFragment = BothyPlaceLeadToken.takeFromFragment;
  const token = BothyPlaceLeadToken.get;
  const askForToken = BothyPlaceLeadToken.ask;

  class ApiProblem extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value) query.set(name, value);
    }
    const url = query.toString() ? path + '?' + query : path;
    const response = await fetch(url, {headers: {Authorization: 'Bearer ' + token(), Accept: 'application/json'}});
    if (response.status === 401) {
      askForToken('That token was not accepted (missing, expired or from another issuer). Paste a fresh one.');
      throw new ApiProblem(401, 'not signed in');
    }
    if (response.status === 403) {
      askForToken('That token is not a place lead\'s: the evidence is for place leads only.');
      throw new ApiProblem(403, 'not a place lead');
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = (problem.errors || []).map(e => e.field + ': ' + e.reason).join('; ') || problem.detail || detail;
      } catch (ignored) { /* not a problem document */ }
      throw new ApiProblem(response.status, detail);
    }
    return response.json();
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

  function label(list, code) {
    const found = (list || []).find(item => item.code === code);
    return found ? found.label : code;
  }

  // Axis labels are cut to fit; the full name stays in each mark's title and in the table.
  function fit(text, length) {
    return text.length <= length ? text : text.slice(0, length - 1) + '…';
  }

  function empty(container, message) {
    container.replaceChildren(el('p', {class: 'empty'}, message));
  }

  // Sequential scale from pale sand to deep teal; the count is always printed too, so colour is never the only signal.
  function shade(value, max) {
    const t = max <= 0 ? 0 : Math.sqrt(value / max);
    const from = [243, 239, 224];
    const to = [20, 78, 84];
    const mix = from.map((c, i) => Math.round(c + (to[i] - c) * t));
    return {fill: 'rgb(' + mix.join(',') + ')', ink: t > 0.55 ? '#ffffff' : '#1d2a2f'};
  }

  function filters() {
    const form = document.getElementById('filters');
    const values = {};
    for (const name of FILTER_NAMES) values[name] = form.elements[name].value;
    return values;
  }

  // ---- the barrier heatmap ----

  function drawHeatmap(counts) {
    const chart = document.getElementById('heatmap');
    if (counts.length === 0) {
      empty(chart, 'No barriers recorded for these filters yet.');
      return;
    }
    // Rows and columns in the code list's order, keeping only those with something to show.
    const themes = codes.themes.map(t => t.code).filter(code => counts.some(c => c.theme === code));
    const actors = codes.systemActors.map(a => a.code).filter(code => counts.some(c => c.systemActor === code));
    for (const c of counts) {
      if (!themes.includes(c.theme)) themes.push(c.theme);
      if (!actors.includes(c.systemActor)) actors.push(c.systemActor);
    }
    const max = Math.max(...counts.map(c => c.people));
    const cell = 64, left = 200, top = 170, gap = 3;
    // Room on the right for the last column's slanted label.
    const width = left + actors.length * cell + 140;
    const height = top + themes.length * cell + 60;
    const picture = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, width: width, height: height,
      role: 'img', 'aria-labelledby': 'heatmap-title', id: 'heatmap-svg'});
    picture.append(svg('title', {id: 'heatmap-title'},
      'Heatmap of people meeting barriers, ' + themes.length + ' themes by ' + actors.length + ' system actors'));

    actors.forEach((actor, column) => {
      const x = left + column * cell + cell / 2;
      picture.append(svg('text', {x: x, y: top - 10, transform: 'rotate(-40 ' + x + ' ' + (top - 10) + ')',
        'font-size': 12, fill: '#1d2a2f', class: 'actor-label'}, fit(label(codes.systemActors, actor), 30)));
    });
    themes.forEach((theme, row) => {
      picture.append(svg('text', {x: left - 10, y: top + row * cell + cell / 2 + 4, 'text-anchor': 'end',
        'font-size': 13, fill: '#1d2a2f', class: 'theme-label'}, fit(label(codes.themes, theme), 26)));
    });
    // The empty grid first, so a pattern nobody met reads as a pale gap, not as missing data.
    themes.forEach((theme, row) => actors.forEach((actor, column) => {
      picture.append(svg('rect', {x: left + column * cell + gap, y: top + row * cell + gap, width: cell - 2 * gap,
        height: cell - 2 * gap, rx: 4, fill: '#faf9f5', stroke: '#e6e2d8', 'stroke-width': 1}));
    }));
    for (const count of counts) {
      const x = left + actors.indexOf(count.systemActor) * cell;
      const y = top + themes.indexOf(count.theme) * cell;
      const colour = shade(count.people, max);
      const summary = label(codes.themes, count.theme) + ' caused by ' + label(codes.systemActors, count.systemActor)
        + ': ' + count.people + (count.people === 1 ? ' person' : ' people') + ' at ' + count.organisations
        + (count.organisations === 1 ? ' organisation' : ' organisations');
      const group = svg('g', {class: 'heat-cell', tabindex: 0, role: 'img', 'aria-label': summary,
        'data-theme': count.theme, 'data-system-actor': count.systemActor, 'data-people': count.people,
        'data-organisations': count.organisations});
      group.append(svg('title', {}, summary));
      group.append(svg('rect', {x: x + gap, y: y + gap, width: cell - 2 * gap, height: cell - 2 * gap, rx: 4,
        fill: colour.fill, stroke: '#c9c3b3', 'stroke-width': 1}));
      group.append(svg('text', {x: x + cell / 2, y: y + cell / 2 + 2, 'text-anchor': 'middle', 'font-size': 18,
        'font-weight': 700, fill: colour.ink, class: 'people'}, String(count.people)));
      group.append(svg('text', {x: x + cell / 2, y: y + cell / 2 + 18, 'text-anchor': 'middle', 'font-size': 10,
        fill: colour.ink}, count.organisations + ' org' + (count.organisations === 1 ? '' : 's')));
      picture.append(group);
    }
    // Legend: five steps of the scale, each with its number.
    const legendY = top + themes.length * cell + 20;
    picture.append(svg('text', {x: left, y: legendY + 14, 'font-size': 12, fill: '#56656b', 'text-anchor': 'end',
      dx: -10}, 'people'));
    const steps = [...new Set([0.2, 0.4, 0.6, 0.8, 1].map(step => Math.max(1, Math.round(max * step))))];
    steps.forEach((value, i) => {
      const colour = shade(value, max);
      picture.append(svg('rect', {x: left + i * 44, y: legendY, width: 40, height: 20, fill: colour.fill,
        stroke: '#c9c3b3'}));
      picture.append(svg('text', {x: left + i * 44 + 20, y: legendY + 14, 'text-anchor': 'middle', 'font-size': 11,
        fill: colour.ink}, String(value)));
    });
    chart.replaceChildren(picture);
  }

  function fillBarrierTable(counts) {
    const body = document.querySelector('#barrier-table tbody');
    body.replaceChildren(...counts.map(c => {
      const row = el('tr');
      row.append(el('td', {}, label(codes.themes, c.theme)), el('td', {}, label(codes.systemActors, c.systemActor)),
        el('td', {class: 'number'}, String(c.people)), el('td', {class: 'number'}, String(c.organisations)));
      return row;
    }));
  }

  async function showBarriers() {
    const counts = await api('../barriers', filters());
    drawHeatmap(counts);
    fillBarrierTable(counts);
    return counts.length;
  }

  // ---- tables and bars shared by the panels ----

  function table(caption, headings, rows, numeric) {
    const result = el('table');
    result.append(el('caption', {}, caption));
    const head = el('tr');
    headings.forEach((heading, i) => head.append(el('th', {scope: 'col', class: numeric[i] ? 'number' : ''}, heading)));
    const thead = el('thead');
    thead.append(head);
    result.append(thead);
    const body = el('tbody');
    for (const row of rows) {
      const line = el('tr');
      row.forEach((value, i) => line.append(el('td', {class: numeric[i] ? 'number' : ''}, String(value))));
      body.append(line);
    }
    result.append(body);
    return result;
  }

  // Horizontal bars, one per row, each with its number printed; an optional part is drawn darker inside its whole.
  function bars(id, title, rows, describe) {
    const max = Math.max(1, ...rows.map(r => r.value));
    const left = 210, barWidth = 300, rowHeight = 30;
    const picture = svg('svg', {viewBox: '0 0 ' + (left + barWidth + 120) + ' ' + (rows.length * rowHeight + 10),
      width: left + barWidth + 120, height: rows.length * rowHeight + 10, role: 'img', 'aria-labelledby': id + '-title',
      id: id});
    picture.append(svg('title', {id: id + '-title'}, title));
    rows.forEach((row, i) => {
      const y = 5 + i * rowHeight;
      const group = svg('g', {class: 'bar', 'data-key': row.key, 'data-value': row.value});
      group.append(svg('title', {}, describe(row)));
      group.append(svg('text', {x: left - 8, y: y + 17, 'text-anchor': 'end', class: 'bar-label', fill: '#1d2a2f'},
        fit(row.label, 28)));
      const whole = Math.max(2, barWidth * row.value / max);
      group.append(svg('rect', {x: left, y: y + 3, width: whole, height: rowHeight - 8, fill: '#b9d3cf', rx: 2}));
      if (row.part !== undefined) {
        group.append(svg('rect', {x: left, y: y + 3, width: barWidth * row.part / max, height: rowHeight - 8,
          fill: '#215e61', rx: 2}));
      }
      group.append(svg('text', {x: left + whole + 6, y: y + 17, class: 'bar-label value', fill: '#1d2a2f'},
        row.part === undefined ? String(row.value) : row.part + ' of ' + row.value));
      picture.append(group);
    });
    return picture;
  }

  // A view this version of the place service does not serve yet is said so, not drawn as "no data".
  function unavailable(error, ...containers) {
    if (error.status !== 404) throw error;
    for (const container of containers) empty(container, 'This place service does not serve this view yet.');
  }

  // ---- reach and the revolving door ----

  function drawReach(monthly) {
    const chart = document.getElementById('reach-chart');
    if (monthly.length === 0) {
      empty(chart, 'Nobody has been seen for these filters yet.');
      return;
    }
    const months = [...new Set(monthly.map(m => m.month))].sort();
    const organisations = [...new Set(monthly.map(m => m.organisation))].sort();
    const max = Math.max(...monthly.map(m => m.people));
    // Small multiples: one strip per organisation on a shared scale, so no colour key is needed.
    const left = 210, column = Math.max(26, Math.min(60, 420 / months.length)), strip = 70;
    const width = left + months.length * column + 20, height = organisations.length * strip + 30;
    const picture = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img',
      'aria-labelledby': 'reach-title', id: 'reach-svg'});
    picture.append(svg('title', {id: 'reach-title'}, 'People seen per month at each of ' + organisations.length
      + ' organisations, ' + months[0] + ' to ' + months[months.length - 1]));
    organisations.forEach((organisation, row) => {
      const base = 10 + row * strip + strip - 22;
      picture.append(svg('text', {x: left - 10, y: base - 8, 'text-anchor': 'end', class: 'bar-label',
        fill: '#1d2a2f'}, fit(label(codes.organisations, organisation), 28)));
      picture.append(svg('line', {x1: left, x2: left + months.length * column, y1: base, y2: base, stroke: '#8b9599'}));
      for (const m of monthly.filter(m => m.organisation === organisation)) {
        const x = left + months.indexOf(m.month) * column;
        const h = Math.max(1, (strip - 36) * m.people / max);
        const group = svg('g', {class: 'reach-bar', 'data-organisation': organisation, 'data-month': m.month,
          'data-people': m.people});
        group.append(svg('title', {}, label(codes.organisations, organisation) + ', ' + m.month + ': ' + m.people
          + (m.people === 1 ? ' person' : ' people')));
        group.append(svg('rect', {x: x + 3, y: base - h, width: column - 6, height: h, fill: '#215e61'}));
        group.append(svg('text', {x: x + column / 2, y: base - h - 3, 'text-anchor': 'middle', 'font-size': 10,
          fill: '#1d2a2f'}, String(m.people)));
        picture.append(group);
      }
    });
    months.forEach((month, i) => picture.append(svg('text', {x: left + i * column + column / 2, y: height - 6,
      'text-anchor': 'middle', 'font-size': 10, fill: '#56656b'}, month)));
    chart.replaceChildren(picture);
  }

  async function showReach() {
    const reachChart = document.getElementById('reach-chart');
    const doorChart = document.getElementById('door-chart');
    const doorsChart = document.getElementById('doors-per-person');
    const tables = document.getElementById('reach-tables');
    let monthly, doors, perPerson;
    try {
      [monthly, doors, perPerson] = await Promise.all([api('../reach', filters()),
        api('../reach/revolving-door', filters()), api('../reach/doors-per-person', filters())]);
    } catch (error) {
      unavailable(error, reachChart, doorChart);
      doorsChart.replaceChildren();
      tables.replaceChildren();
      return;
    }
    drawReach(monthly);
    if (doors.length === 0) {
      empty(doorChart, 'Nobody has been seen for these filters yet.');
    } else {
      doorChart.replaceChildren(bars('door-svg', 'People per organisation, and how many were seen elsewhere too',
        doors.map(d => ({key: d.organisation, label: label(codes.organisations, d.organisation), value: d.people,
          part: d.seenElsewhereToo})),
        row => row.label + ': ' + row.part + ' of ' + row.value + ' people were also seen at another organisation'));
    }
    doorsChart.replaceChildren(perPerson.length === 0
      ? el('p', {class: 'explain'}, 'Nobody has been seen at more than one organisation for these filters.')
      : bars('doors-per-person-svg', 'People seen at two or more organisations, by how many',
        perPerson.map(p => ({key: String(p.organisations), label: 'at ' + p.organisations + ' organisations',
          value: p.people})), row => row.value + ' people seen ' + row.label));
    tables.replaceChildren(
      table('People seen per month and organisation', ['Month', 'Organisation', 'People'],
        monthly.map(m => [m.month, label(codes.organisations, m.organisation), m.people]), [false, false, true]),
      table('The revolving door', ['Organisation', 'People', 'Also seen elsewhere'],
        doors.map(d => [label(codes.organisations, d.organisation), d.people, d.seenElsewhereToo]),
        [false, true, true]),
      table('People by how many organisations saw them', ['Organisations', 'People'],
        perPerson.map(p => [p.organisations, p.people]), [true, true]));
  }

  // ---- the issue log ----

  async function showIssues() {
    const log = document.getElementById('issue-log');
    const own = document.getElementById('issue-filters');
    let issues;
    try {
      issues = await api('../issues', Object.assign(filters(), {level: own.elements.level.value,
        owner: own.elements.owner.value, status: own.elements.status.value}));
    } catch (error) {
      unavailable(error, log);
      return;
    }
    if (issues.length === 0) {
      empty(log, 'No published issues for these filters.');
      return;
    }
    const open = issues.filter(i => i.status === 'open').length;
    log.replaceChildren(
      el('p', {class: 'status'}, issues.length + (issues.length === 1 ? ' issue' : ' issues') + ', ' + open + ' open.'),
      table('Issue log', ['Issue', 'Organisation', 'Level', 'Owner', 'Status', 'Countermeasure (now)',
        'System change (new normal)', 'People seen', 'Barriers', 'Journeys'],
      issues.map(i => [i.description, label(codes.organisations, i.organisation),
        (codes.levels.find(l => l.level === i.level) || {label: String(i.level)}).label,
        label(codes.owners, i.owner), i.status, i.countermeasure || '', i.systemChange || '', i.peopleSeen,
        i.barrierCount, i.journeyCount]),
      [false, false, false, false, false, false, false, true, true, true]));
    log.querySelector('table').id = 'issue-table';
  }

  // ---- cost of support ----

  function pounds(pence) {
    return '£' + (pence / 100).toLocaleString('en-GB', {minimumFractionDigits: pence % 100 ? 2 : 0,
      maximumFractionDigits: 2});
  }

  function drawCost(perPerson) {
    const chart = document.getElementById('cost-chart');
    const max = Math.max(1, ...perPerson.map(c => c.p90SpendPence));
    const left = 210, width = 420, rowHeight = 40;
    const picture = svg('svg', {viewBox: '0 0 ' + (left + width + 150) + ' ' + (perPerson.length * rowHeight + 30),
      width: left + width + 150, height: perPerson.length * rowHeight + 30, role: 'img',
      'aria-labelledby': 'cost-title', id: 'cost-svg'});
    picture.append(svg('title', {id: 'cost-title'}, 'Spread of small spend per person, by organisation'));
    const x = pence => left + width * pence / max;
    perPerson.forEach((c, i) => {
      const y = 10 + i * rowHeight, mid = y + rowHeight / 2 - 4;
      const name = c.organisation === 'all' ? 'All partners' : label(codes.organisations, c.organisation);
      const group = svg('g', {class: 'cost-row', 'data-organisation': c.organisation,
        'data-median': c.medianSpendPence});
      group.append(svg('title', {}, name + ': ' + c.count + ' people; median ' + pounds(c.medianSpendPence)
        + ', quartiles ' + pounds(c.p25SpendPence) + ' to ' + pounds(c.p75SpendPence) + ', 90th percentile '
        + pounds(c.p90SpendPence)));
      group.append(svg('text', {x: left - 8, y: mid + 4, 'text-anchor': 'end', class: 'bar-label',
        fill: '#1d2a2f', 'font-weight': c.organisation === 'all' ? 700 : 400}, fit(name, 28)));
      group.append(svg('line', {x1: x(c.p75SpendPence), x2: x(c.p90SpendPence), y1: mid, y2: mid, stroke: '#56656b'}));
      group.append(svg('line', {x1: x(c.p90SpendPence), x2: x(c.p90SpendPence), y1: mid - 6, y2: mid + 6,
        stroke: '#56656b'}));
      group.append(svg('rect', {x: x(c.p25SpendPence), y: mid - 10,
        width: Math.max(2, x(c.p75SpendPence) - x(c.p25SpendPence)), height: 20, fill: '#b9d3cf',
        stroke: '#215e61'}));
      group.append(svg('line', {x1: x(c.medianSpendPence), x2: x(c.medianSpendPence), y1: mid - 10, y2: mid + 10,
        stroke: '#14474b', 'stroke-width': 3}));
      group.append(svg('text', {x: x(c.p90SpendPence) + 8, y: mid + 4, class: 'bar-label', fill: '#1d2a2f'},
        'median ' + pounds(c.medianSpendPence) + ' · ' + c.count + ' people'));
      picture.append(group);
    });
    // A scale from £0, so that a box's place reads as money, not just as rank.
    const axisY = 10 + perPerson.length * rowHeight;
    picture.append(svg('line', {x1: left, x2: left + width, y1: axisY, y2: axisY, stroke: '#8b9599'}));
    [0, max / 2, max].forEach(pence => {
      picture.append(svg('line', {x1: x(pence), x2: x(pence), y1: axisY, y2: axisY + 5, stroke: '#8b9599'}));
      picture.append(svg('text', {x: x(pence), y: axisY + 17, 'text-anchor': 'middle', 'font-size': 11,
        fill: '#56656b'}, pounds(Math.round(pence))));
    });
    chart.replaceChildren(picture);
  }

  async function showCost() {
    const chart = document.getElementById('cost-chart');
    const tableHolder = document.getElementById('cost-table');
    let cost;
    try {
      cost = await api('../cost', filters());
    } catch (error) {
      unavailable(error, chart, tableHolder);
      return;
    }
    const perPerson = cost.filter(c => c.per === 'person' && c.count > 0);
    if (perPerson.length === 0) {
      empty(chart, 'No contacts recorded for these filters yet.');
    } else {
      drawCost(perPerson);
    }
    tableHolder.replaceChildren(table('Cost of support', ['Organisation', 'Per', 'Count', 'Contacts', 'Minutes',
      'Spend', 'Mean', 'Median', '90th percentile'],
    cost.map(c => [c.organisation === 'all' ? 'All partners' : label(codes.organisations, c.organisation), c.per,
      c.count, c.contacts, c.minutes, pounds(c.spendPence), pounds(c.meanSpendPence), pounds(c.medianSpendPence),
      pounds(c.p90SpendPence)]),
    [false, false, true, true, true, true, true, true, true]));
  }

  // ---- learning library ----

  async function searchLearning() {
    const results = document.getElementById('learning-results');
    const status = document.getElementById('learning-status');
    const q = document.getElementById('learning-query').value.trim();
    let found;
    try {
      found = await api('../learning', Object.assign(filters(), {q: q, limit: '20'}));
    } catch (error) {
      if (error.status !== 404) {
        status.textContent = 'The search failed: ' + error.message;
        throw error;
      }
      status.textContent = 'This place service does not serve the learning library yet.';
      results.replaceChildren();
      return;
    }
    status.textContent = found.length === 0
      ? (q ? 'Nothing in the library matches "' + q + '".' : 'The library is empty for these filters.')
      : found.length + (found.length === 1 ? ' entry' : ' entries') + (q ? ' for "' + q + '"' : ', latest first') + '.';
    results.replaceChildren(...found.map(entry => {
      const item = el('li', {class: 'learning-entry', 'data-id': entry.id});
      item.append(el('span', {class: 'tag'}, entry.kind === 'cycle' ? 'learning cycle' : 'experiment'), ' ',
        el('span', {class: 'text'}, entry.text),
        el('span', {class: 'meta'}, [label(codes.organisations, entry.organisation),
          entry.theme ? label(codes.themes, entry.theme) : '', entry.scale ? 'scale: ' + entry.scale : '',
          entry.publishedAt ? entry.publishedAt.slice(0, 10) : ''].filter(Boolean).join(' · ')));
      return item;
    }));
  }

  // ---- LM3 ----

  async function showLm3() {
    const chart = document.getElementById('lm3-chart');
    const tableHolder = document.getElementById('lm3-table');
    let figures;
    try {
      figures = await api('../lm3', filters());
    } catch (error) {
      unavailable(error, chart, tableHolder);
      return;
    }
    if (figures.length === 0) {
      empty(chart, 'No funded project has reported its local spend yet.');
      tableHolder.replaceChildren();
      return;
    }
    const order = {consortium: 0, organisation: 1, project: 2};
    const sorted = [...figures].sort((a, b) => order[a.scale] - order[b.scale] || (a.organisation || '')
      .localeCompare(b.organisation || '') || a.basis.localeCompare(b.basis));
    const name = f => f.scale === 'consortium' ? 'Consortium'
      : f.scale === 'organisation' ? label(codes.organisations, f.organisation)
        : (f.projectName || f.projectId);
    chart.replaceChildren(bars('lm3-svg', 'LM3 per consortium, organisation and project, predicted and actual',
      sorted.map(f => ({key: f.scale + ':' + (f.projectId || f.organisation || '') + ':' + f.basis,
        label: name(f) + ' (' + f.basis + ')', value: Number(f.lm3)})),
      row => row.label + ': LM3 ' + row.value));
    tableHolder.replaceChildren(table('LM3', ['Scale', 'Name', 'Basis', 'Projects', 'Income (R1)',
      'Local spend (R2)', 'Local re-spend (R3)', 'LM3'],
    sorted.map(f => [f.scale, name(f), f.basis, f.projects, pounds(f.r1Pence), pounds(f.r2Pence), pounds(f.r3Pence),
      f.lm3]), [false, false, false, true, true, true, true, true]));
  }

  // ---- referral flow ----

  async function showReferrals() {
    const chart = document.getElementById('referral-chart');
    const tables = document.getElementById('referral-table');
    let flows;
    try {
      flows = await api('../referrals/flows', filters());
    } catch (error) {
      unavailable(error, chart);
      tables.replaceChildren();
      return;
    }
    // The chart sums each pair of partners over the months; the table keeps the months.
    const pairs = new Map();
    for (const f of flows) {
      const key = f.fromOrganisation + '>' + f.toOrganisation;
      const pair = pairs.get(key) || {key: key, from: f.fromOrganisation, to: f.toOrganisation, made: 0, accepted: 0,
        declined: 0, pending: 0};
      for (const count of ['made', 'accepted', 'declined', 'pending']) pair[count] += f[count];
      pairs.set(key, pair);
    }
    if (pairs.size === 0) {
      empty(chart, 'No referrals between partners for these filters.');
      tables.replaceChildren();
      return;
    }
    const rows = [...pairs.values()].sort((a, b) => b.made - a.made || a.key.localeCompare(b.key));
    chart.replaceChildren(bars('referral-svg', 'Referrals from one partner to another, and how many were accepted',
      // Each side cut on its own, so that both partners stay readable on the axis; the title names them in full.
      rows.map(p => ({key: p.key, label: fit(label(codes.organisations, p.from), 12) + ' \u2192 '
        + fit(label(codes.organisations, p.to), 12),
        value: p.made, part: p.accepted, declined: p.declined, pending: p.pending})),
      row => row.label + ': ' + row.part + ' of ' + row.value + ' accepted, ' + row.declined + ' declined, '
        + row.pending + ' waiting for an answer'));
    tables.replaceChildren(table('Referrals per month', ['Month', 'From', 'To', 'Made', 'Accepted', 'Declined', 'Pending'],
      flows.map(f => [f.month, label(codes.organisations, f.fromOrganisation), label(codes.organisations, f.toOrganisation),
        f.made, f.accepted, f.declined, f.pending]), [false, false, false, true, true, true, true]));
  }

  // ---- page ----

  const panels = [showBarriers, showReach, showIssues, showCost, showReferrals, searchLearning, showLm3];

  async function refresh() {
    const status = document.getElementById('filter-status');
    status.textContent = 'Loading…';
    document.body.dataset.state = 'loading';
    const results = await Promise.allSettled(panels.map(panel => panel()));
    const failed = results.filter(r => r.status === 'rejected' && r.reason.status !== 401 && r.reason.status !== 403);
    status.textContent = failed.length
      ? 'Some views could not be loaded: ' + failed.map(r => r.reason.message).join('; ')
      : 'Up to date at ' + new Date().toLocaleTimeString('en-GB') + '.';
    document.body.dataset.state = 'ready';
  }

  function fillFilterOptions() {
    const form = document.getElementById('filters');
    const lists = {organisation: codes.organisations, theme: codes.themes, systemActor: codes.systemActors};
    for (const [name, list] of Object.entries(lists)) {
      for (const item of list) form.elements[name].append(el('option', {value: item.code}, item.label));
    }
    form.addEventListener('change', refresh);
    form.addEventListener('reset', () => setTimeout(refresh));
    form.addEventListener('submit', event => { event.preventDefault(); refresh(); });
    const issueFilters = document.getElementById('issue-filters');
    for (const level of codes.levels) {
      issueFilters.elements.level.append(el('option', {value: String(level.level)}, level.level + ' ' + level.label));
    }
    for (const owner of codes.owners) issueFilters.elements.owner.append(el('option', {value: owner.code}, owner.label));
    issueFilters.addEventListener('change', () => showIssues().catch(() => {}));
    document.getElementById('learning-search').addEventListener('submit', event => {
      event.preventDefault();
      searchLearning().catch(() => {});
    });
  }

  function showEvidence() {
    document.getElementById('sign-in').hidden = true;
    document.getElementById('main').hidden = false;
    document.getElementById('sign-out').hidden = false;
    return refresh();
  }

  async function start() {
    takeTokenFromFragment();
    codes = await (await fetch('codes.json')).json();
    fillFilterOptions();
    document.getElementById('token-form').addEventListener('submit', event => {
      event.preventDefault();
      const input = document.getElementById('token-input');
      BothyPlaceLeadToken.set(input.value.trim());
      input.value = '';
      showEvidence();
    });
    document.getElementById('sign-out').addEventListener('click', () => askForToken(''));
    // A link with a fresh token opened in a tab that already shows the dashboard changes only the fragment.
    window.addEventListener('hashchange', () => {
      if (/(?:^#|&)token=/.test(location.hash)) {
        takeTokenFromFragment();
        showEvidence();
      }
    });
    if (token()) {
      await showEvidence();
    } else {
      askForToken('');
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
