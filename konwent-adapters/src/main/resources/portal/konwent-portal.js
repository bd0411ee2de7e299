// <konwent-portal>: the portal view of one konwent, for regional portals to embed (Konwent API, portal v1).
//
//   <script type="module" src="https://api.example/portal/v1/konwent-portal.js"></script>
//   <konwent-portal konwent="dolnoslaski" api="https://api.example"></konwent-portal>
//
// A standard custom element in plain JavaScript: no framework, no build step. It reads only the API's public GET
// resources (CORS, never with credentials) and shows the konwent's members by voivodeship and kind, its upcoming
// meetings, its recent public documents and the results of its closed votes and council elections, in Polish.
// Its shadow root keeps the host page's styles out and its own in; every text from the API is set with
// textContent or as a text node, never parsed as HTML, and only http(s) links become links (XSS).
// When it has rendered it sets data-state="ready" on itself and dispatches "konwent-portal-ready" (bubbling,
// composed); on failure data-state="error" and "konwent-portal-error". Theming: --konwent-portal-accent (links
// and buttons; keep it dark enough for 4.5:1 on white), --konwent-portal-font.

const VOIVODESHIPS = {
  '02': 'dolnośląskie', '04': 'kujawsko-pomorskie', '06': 'lubelskie', '08': 'lubuskie', '10': 'łódzkie',
  '12': 'małopolskie', '14': 'mazowieckie', '16': 'opolskie', '18': 'podkarpackie', '20': 'podlaskie',
  '22': 'pomorskie', '24': 'śląskie', '26': 'świętokrzyskie', '28': 'warmińsko-mazurskie', '30': 'wielkopolskie',
  '32': 'zachodniopomorskie',
};
const MEMBER_KINDS = [
  ['CIS', 'Centra Integracji Społecznej'],
  ['KIS', 'Kluby Integracji Społecznej'],
  ['REGIONAL_KONWENT', 'Konwenty regionalne'],
];
const DOCUMENT_KINDS = {
  POSITION: 'Stanowisko', MOTION: 'Wniosek', POSTULATE: 'Postulat', WORK_PLAN: 'Plan pracy',
  COMMUNIQUE: 'Komunikat', COUNCIL_REPORT: 'Sprawozdanie rady programowej', OTHER: 'Dokument',
};
const MEETING_STATES = { PLANNED: 'Planowane', INVITED: 'Zwołane' };
const MAX_MEMBER_PAGES = 10;
const SHOWN = 5;

const DATE_TIME = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' });
const DATE = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'Europe/Warsaw' });
const HOUR = new Intl.DateTimeFormat('pl-PL', { timeStyle: 'short', timeZone: 'Europe/Warsaw' });

const STYLE = `
:host { all: initial; display: block; contain: content; container-type: inline-size;
  font: 1rem/1.5 var(--konwent-portal-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: #1b1b1f; background: #fff; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.portal { padding: 1rem 1.25rem 1.25rem; border: 1px solid #d5d8de; border-radius: .5rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; color: #111318; }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid #e3e6eb; color: #111318; }
h4 { font-size: 1rem; margin: .75rem 0 .25rem; color: #111318; }
h5 { font-size: .9rem; margin: .5rem 0 .25rem; color: #3d424a; font-weight: 600; }
p { margin: 0 0 .5rem; }
.lead { color: #3d424a; margin-bottom: 1rem; }
.grid { display: grid; gap: 1.25rem 2rem; }
@container (min-width: 46rem) { .grid { grid-template-columns: 3fr 2fr; } .members { grid-row: span 3; grid-column: 2; } }
section { min-width: 0; }
ul, ol { margin: 0; padding: 0; list-style: none; }
.items > li { padding: .6rem 0; border-bottom: 1px solid #eceef1; }
.items > li:last-child { border-bottom: 0; }
.names { padding-left: 1.1rem; list-style: disc; }
.names li { margin: .1rem 0; }
a { color: var(--konwent-portal-accent, #0a4fb4); text-underline-offset: .15em; }
a:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; border-radius: 2px; }
.title { font-weight: 600; }
.meta { display: block; color: #4a4f57; font-size: .9rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .4rem; }
.button { display: inline-block; padding: .3rem .75rem; border-radius: .35rem; font-size: .9rem; font-weight: 600;
  border: 2px solid var(--konwent-portal-accent, #0a4fb4); text-decoration: none; }
.button.primary { background: var(--konwent-portal-accent, #0a4fb4); color: #fff; }
.adopted { color: #0f5c2e; font-weight: 600; }
.rejected { color: #8a1c1c; font-weight: 600; }
.empty, .status { color: #4a4f57; font-style: italic; }
.error { color: #8a1c1c; }
.feeds { margin-top: 1.25rem; font-size: .9rem; color: #4a4f57; }
`;

/** An element with attributes and children; strings become text nodes, so nothing is ever parsed as HTML. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** Only absolute http(s) addresses become links: a javascript: or data: address is shown as nothing. */
function safeLink(address) {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function sameDay(a, b) {
  return DATE.format(a) === DATE.format(b);
}

function when(startsAt, endsAt) {
  const starts = new Date(startsAt);
  const ends = new Date(endsAt);
  return DATE_TIME.format(starts) + '–' + (sameDay(starts, ends) ? HOUR.format(ends) : DATE_TIME.format(ends));
}

class KonwentPortal extends HTMLElement {
  static get observedAttributes() {
    return ['konwent', 'api'];
  }

  constructor() {
    super();
    this.loads = 0;
    const root = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h('style', {}, STYLE));
    }
    this.view = h('div', { class: 'portal', lang: 'pl' });
    root.append(this.view);
  }

  connectedCallback() {
    this.load();
  }

  attributeChangedCallback(name, before, after) {
    if (this.isConnected && before !== null && before !== after) {
      this.load();
    }
  }

  /** Where the API is: the api attribute, else the origin this script came from. */
  get api() {
    return (this.getAttribute('api') || new URL(import.meta.url).origin).replace(/\/+$/, '');
  }

  async load() {
    const load = ++this.loads;
    const konwent = (this.getAttribute('konwent') || '').trim();
    this.dataset.state = 'loading';
    this.view.setAttribute('aria-busy', 'true');
    this.view.replaceChildren(h('p', { class: 'status', role: 'status' }, 'Wczytywanie danych konwentu…'));
    try {
      if (!konwent) {
        throw new Error('Brak atrybutu konwent');
      }
      const data = await this.fetchAll(konwent);
      if (load === this.loads) {
        this.render(konwent, data);
        this.finish('ready');
      }
    } catch (error) {
      if (load === this.loads) {
        this.view.replaceChildren(h('p', { class: 'error', role: 'alert' },
          'Nie udało się wczytać danych konwentu. Spróbuj ponownie później.'));
        this.finish('error', error);
      }
    }
  }

  finish(state, error) {
    this.view.removeAttribute('aria-busy');
    this.dataset.state = state;
    this.dispatchEvent(new CustomEvent('konwent-portal-' + state, {
      bubbles: true, composed: true, detail: error ? { message: String(error.message || error) } : {},
    }));
  }

  async json(path) {
    const response = await fetch(this.api + path, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) {
      throw new Error(`${path}: HTTP ${response.status}`);
    }
    return response.json();
  }

  async allMembers(base) {
    const members = [];
    let cursor = null;
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const answer = await this.json(`${base}/members?status=ACTIVE&limit=500`
        + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      members.push(...answer.items);
      cursor = answer.next;
      if (!cursor) {
        break;
      }
    }
    return members;
  }

  async fetchAll(konwent) {
    const base = '/api/v1/konwents/' + encodeURIComponent(konwent);
    const now = new Date();
    const yearAhead = new Date(now.getTime() + 366 * 24 * 3600 * 1000);
    const [info, members, meetings, documents, votes, elections] = await Promise.all([
      this.json(base),
      this.allMembers(base),
      this.json(`${base}/meetings?limit=100&from=${encodeURIComponent(now.toISOString())}`
        + `&to=${encodeURIComponent(yearAhead.toISOString())}`),
      this.json(`${base}/documents?visibility=PUBLIC&limit=${SHOWN}`),
      this.json(`${base}/votes?state=CLOSED&limit=${SHOWN}`),
      this.json(`${base}/elections?limit=${SHOWN}`),
    ]);
    const voteResults = await Promise.all(votes.items.map(vote =>
      this.json(`${base}/votes/${encodeURIComponent(vote.id)}/result`).then(result => ({ vote, result }))));
    const closedElections = elections.items.filter(election => election.state === 'CLOSED');
    const electionResults = await Promise.all(closedElections.map(election =>
      this.json(`${base}/elections/${encodeURIComponent(election.id)}/result`).then(result => ({ election, result }))));
    const upcoming = meetings.items.filter(meeting => meeting.state in MEETING_STATES)
      .sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt)).slice(0, SHOWN);
    return { info, members, upcoming, documents: documents.items, voteResults, electionResults };
  }

  portalPage(konwent, ...tail) {
    return `${this.api}/portal/v1/konwents/` + [konwent, ...tail].map(encodeURIComponent).join('/');
  }

  render(konwent, data) {
    const headingId = 'kp-' + Math.random().toString(36).slice(2);
    const feeds = `${this.api}/api/v1/konwents/${encodeURIComponent(konwent)}`;
    this.view.setAttribute('role', 'region');
    this.view.setAttribute('aria-labelledby', headingId);
    this.view.replaceChildren(
      h('h2', { id: headingId }, data.info.name),
      data.info.description ? h('p', { class: 'lead' }, data.info.description) : null,
      h('div', { class: 'grid' },
        this.meetingsSection(konwent, data.upcoming, headingId),
        this.membersSection(data.members, headingId),
        this.documentsSection(konwent, data.documents, headingId),
        this.resultsSection(data.voteResults, data.electionResults, headingId)),
      h('p', { class: 'feeds' }, 'Subskrybuj: ',
        h('a', { href: `${feeds}/feed.atom` }, 'kanał Atom'), ' · ',
        h('a', { href: `${feeds}/feed.json` }, 'JSON Feed'), ' · ',
        h('a', { href: `${feeds}/meetings.ics` }, 'kalendarz posiedzeń (iCalendar)')));
  }

  section(id, className, title, ...content) {
    return h('section', { class: className, 'aria-labelledby': id }, h('h3', { id }, title), ...content);
  }

  meetingsSection(konwent, meetings, prefix) {
    const calendar = `${this.api}/api/v1/konwents/${encodeURIComponent(konwent)}/meetings.ics`;
    return this.section(prefix + '-meetings', 'meetings', 'Najbliższe posiedzenia',
      meetings.length === 0 ? h('p', { class: 'empty' }, 'Brak zaplanowanych posiedzeń.')
        : h('ul', { class: 'items' }, meetings.map(meeting => {
          const online = safeLink(meeting.onlineUrl);
          const place = [meeting.venue && meeting.venue.name, meeting.venue && meeting.venue.address]
            .filter(Boolean).join(', ');
          return h('li', {},
            h('a', { class: 'title', href: this.portalPage(konwent, 'meetings', meeting.id) }, meeting.title),
            h('span', { class: 'meta' }, h('time', { datetime: meeting.startsAt }, when(meeting.startsAt, meeting.endsAt)),
              ` · ${MEETING_STATES[meeting.state]}`),
            place ? h('span', { class: 'meta' }, 'Miejsce: ' + place + (online ? ' oraz online' : '')) : null,
            h('span', { class: 'actions' },
              online ? h('a', { class: 'button primary', href: online, rel: 'noopener',
                'aria-label': 'Dołącz online: ' + meeting.title }, 'Dołącz online') : null,
              h('a', { class: 'button', href: calendar,
                'aria-label': 'Dodaj do kalendarza: ' + meeting.title }, 'Dodaj do kalendarza')));
        })));
  }

  membersSection(members, prefix) {
    const byVoivodeship = new Map();
    for (const member of members) {
      const code = member.address && member.address.voivodeship;
      const name = VOIVODESHIPS[code] || 'województwo nieznane';
      if (!byVoivodeship.has(name)) {
        byVoivodeship.set(name, []);
      }
      byVoivodeship.get(name).push(member);
    }
    const voivodeships = [...byVoivodeship.keys()].sort((a, b) => a.localeCompare(b, 'pl'));
    return this.section(prefix + '-members', 'members', `Członkowie (${members.length})`,
      members.length === 0 ? h('p', { class: 'empty' }, 'Konwent nie ma jeszcze członków.')
        : voivodeships.map((voivodeship, v) => {
          const id = `${prefix}-v${v}`;
          const inVoivodeship = byVoivodeship.get(voivodeship);
          return h('section', { 'aria-labelledby': id },
            h('h4', { id }, `Województwo ${voivodeship}`),
            MEMBER_KINDS.map(([kind, label], k) => {
              const ofKind = inVoivodeship.filter(member => member.kind === kind)
                .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
              if (ofKind.length === 0) {
                return null;
              }
              const kindId = `${id}-k${k}`;
              return [h('h5', { id: kindId }, `${label} (${ofKind.length})`),
                h('ul', { class: 'names', 'aria-labelledby': kindId }, ofKind.map(member =>
                  h('li', {}, member.name, member.address && member.address.town
                    ? h('span', { class: 'meta' }, member.address.town) : null)))];
            }));
        }));
  }

  documentsSection(konwent, documents, prefix) {
    return this.section(prefix + '-documents', 'documents', 'Ostatnie dokumenty',
      documents.length === 0 ? h('p', { class: 'empty' }, 'Brak opublikowanych dokumentów.')
        : h('ul', { class: 'items' }, documents.map(doc => h('li', {},
          h('a', { class: 'title', href: this.portalPage(konwent, 'documents', doc.id) }, doc.title),
          h('span', { class: 'meta' }, `${DOCUMENT_KINDS[doc.kind] || 'Dokument'} · `,
            h('time', { datetime: doc.date }, DATE.format(new Date(doc.date + 'T12:00:00Z'))))))));
  }

  resultsSection(voteResults, electionResults, prefix) {
    const items = [
      ...voteResults.map(({ vote, result }) => ({ at: vote.closedAt, item: this.voteItem(vote, result) })),
      ...electionResults.map(({ election, result }) => ({ at: election.closedAt,
        item: this.electionItem(election, result) })),
    ].sort((a, b) => new Date(b.at) - new Date(a.at)).slice(0, SHOWN);
    return this.section(prefix + '-results', 'results', 'Wyniki głosowań i wyborów',
      items.length === 0 ? h('p', { class: 'empty' }, 'Brak zakończonych głosowań.')
        : h('ul', { class: 'items' }, items.map(({ item }) => item)));
  }

  voteItem(vote, result) {
    const counts = result.counts;
    const outcome = result.adopted ? h('span', { class: 'adopted' }, 'Przyjęta')
      : h('span', { class: 'rejected' }, result.quorumReached === false ? 'Nieprzyjęta: brak kworum' : 'Nieprzyjęta');
    return h('li', {},
      h('span', { class: 'title' }, vote.title), ' ', h('span', {}, '– ', outcome),
      counts ? h('span', { class: 'meta' },
        `Za: ${counts.for}, przeciw: ${counts.against}, wstrzymało się: ${counts.abstain}`
        + ` (głosowało ${result.turnout} z ${result.electorate})`) : null,
      vote.closedAt ? h('span', { class: 'meta' }, 'Zamknięte ',
        h('time', { datetime: vote.closedAt }, DATE.format(new Date(vote.closedAt)))) : null);
  }

  electionItem(election, result) {
    const elected = (result.ranking || []).filter(row => row.standing === 'ELECTED');
    return h('li', {},
      h('span', { class: 'title' }, `Wybory do rady programowej na rok ${election.year}`),
      elected.length === 0 ? h('span', { class: 'meta' }, 'Nikt nie został wybrany.')
        : [h('span', { class: 'meta' }, 'Wybrani:'),
          h('ul', { class: 'names' }, elected.map(row => h('li', {},
            `${row.memberName} (${row.personName}), głosów: ${row.approvals}`)))]);
  }
}

if (!customElements.get('konwent-portal')) {
  customElements.define('konwent-portal', KonwentPortal);
}
