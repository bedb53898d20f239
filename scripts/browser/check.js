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
}

main()
  .catch((e) => log('error', e.name))
  .finally(() => log('done', 'yes'));
