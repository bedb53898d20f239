// Calls Parley across origins as a web app would and writes what it saw
// into the page as "name=value" items; scripts/check-browser.sh reads them.
'use strict';

const api = new URLSearchParams(location.search).get('api');
const T = 'application/vnd.api+json';
const password = 'correct horse battery';

function log(name, value) {
  const li = document.createElement('li');
  li.textContent = name + '=' + value;
  document.getElementById('out').appendChild(li);
}

async function call(method, path, token, body, extra) {
  const headers = Object.assign({ Accept: T }, extra || {});
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body) headers['Content-Type'] = T;
  return fetch(api + path, {
    method, headers, cache: 'no-store', body: body ? JSON.stringify(body) : undefined,
  });
}

function tokenOf(res) {
  return (res.headers.get('Authorization') || '').replace(/^Bearer /, '');
}

async function main() {
  const stamp = Date.now() + '.' + Math.floor(Math.random() * 1e6);
  const email = 'ada.' + stamp + '@acme.test';
  let res = await call('POST', '/api/v1/sign_up', '', { data: { type: 'user', attributes: {
    account_name: 'Acme ' + stamp, name: 'Ada', email, password } } });
  log('sign_up', res.status);
  res = await call('POST', '/api/v1/sign_in', '', { data: { type: 'session', attributes: { email, password } } });
  log('sign_in', res.status);
  const token = tokenOf(res);
  log('authorization', token ? 'readable' : 'hidden');
  res = await call('POST', '/api/v1/users', token, { data: { type: 'user', attributes: {
    name: 'Grace', email: 'grace.' + stamp + '@acme.test', password } } });
  log('create_user', res.status);
  const grace = (await res.json()).data.id;
  res = await call('POST', '/api/v1/direct_conversations', token,
    { data: { type: 'direct_conversation', attributes: { user_id: grace } } });
  log('start', res.status);
  log('location', res.headers.get('Location') ? 'readable' : 'hidden');
  const list = '/api/v1/direct_conversations?include=chat,first_user,second_user';
  res = await call('GET', list, token);
  const doc = await res.json();
  log('list', res.status);
  log('conversations', doc.data.length);
  log('included', (doc.included || []).length);
  const etag = res.headers.get('ETag');
  log('etag', etag ? 'readable' : 'hidden');
  res = await call('GET', list, token, null, { 'If-None-Match': etag });
  log('revalidate', res.status);
  await followEvents(token, doc.data[0].relationships.chat.data.id, 'grace.' + stamp + '@acme.test');
}

// followEvents opens the event stream as a browser must, with a ticket in
// the URL (EventSource sends no headers), has Grace post into the chat and
// waits for the message.created event that reports it.
async function followEvents(token, chat, graceEmail) {
  let res = await call('POST', '/api/v1/event_tickets', token);
  log('ticket', res.status);
  const ticket = (await res.json()).data.attributes.ticket;
  const es = new EventSource(api + '/api/v1/events?ticket=' + encodeURIComponent(ticket));
  try {
    await within(10000, 'stream', new Promise((resolve, reject) => {
      es.onopen = resolve;
      es.onerror = () => reject(new Error('stream refused'));
    }));
    log('stream', 'open');
    const seen = within(10000, 'event', new Promise((resolve) => {
      es.addEventListener('message.created', (e) => resolve(JSON.parse(e.data)));
    }));
    res = await call('POST', '/api/v1/sign_in', '', { data: { type: 'session', attributes: {
      email: graceEmail, password } } });
    res = await call('POST', '/api/v1/chats/' + chat + '/messages', tokenOf(res),
      { data: { type: 'message', attributes: { content: 'Hello from Grace' } } });
    log('post', res.status);
    const posted = (await res.json()).data;
    const event = await seen;
    log('event', event.data.type === 'message' && event.data.id === posted.id ? 'message.created' : 'other');
    log('event_content', event.data.attributes.content);
  } finally {
    es.close();
  }
}

// within rejects unless promise settles within ms.
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('no ' + what + ' within ' + ms + ' ms')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

main()
  .catch((e) => { log('error', e.name); log('reason', e.message); })
  .finally(() => log('done', 'yes'));
