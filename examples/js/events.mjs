// Follows Parley's event stream (GET /api/v1/events, Server-Sent Events)
// with the `eventsource` package: two users, Ada and Grace, in one direct
// conversation. Ada opens her stream with a bearer header and sees Grace's
// message arrive; she disconnects, misses two messages, reconnects with
// Last-Event-ID and receives exactly those two, in order, and then the
// marker Grace posts next, which proves nothing else came in between.
// Grace marks the chat read and Ada sees the read receipt. Last, Ada opens
// a stream as a browser must, with a single-use ticket in the URL. Every
// step checks its result; the first failure, or an event that does not come
// within 15 s, ends the run with a non-zero exit status.
//
// usage: BASE_URL=http://127.0.0.1:8080 node events.mjs
import assert from "node:assert/strict";
import { EventSource } from "eventsource";

const baseURL = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const api = `${baseURL}/api/v1`;
const T = "application/vnd.api+json";
const waitMs = 15000;

// The events this walkthrough listens for (all the stream sends).
const eventNames = [
  "message.created",
  "message.updated",
  "message.deleted",
  "direct_conversation.created",
  "chat_bookmark.updated",
  "reset",
];

// call sends one JSON:API request and answers its status, headers and
// document.
async function call(method, path, token, body) {
  const headers = { Accept: T };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers["Content-Type"] = T;
  const res = await fetch(`${api}/${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(waitMs),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, doc: text ? JSON.parse(text) : null };
}

function tokenOf(res) {
  return (res.headers.get("authorization") ?? "").replace(/^Bearer /, "");
}

// step runs one named step and reports it.
async function step(name, fn) {
  const result = await fn();
  console.log(`ok - ${name}`);
  return result;
}

// Stream wraps an EventSource: it queues every event and answers them one
// at a time with next(), which fails rather than waits forever.
class Stream {
  constructor(url, headers = {}) {
    this.queue = [];
    this.waiter = null;
    this.failure = null;
    this.es = new EventSource(url, {
      // The package sends its requests through fetch; passing our own adds
      // headers a browser's EventSource cannot send.
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
    });
    this.opened = new Promise((resolve, reject) => {
      this.es.addEventListener("open", resolve, { once: true });
      this.rejectOpen = reject;
    });
    for (const name of eventNames) {
      this.es.addEventListener(name, (e) => this.push({ name, id: e.lastEventId, doc: JSON.parse(e.data) }));
    }
    this.es.addEventListener("error", (e) => {
      // A refused stream (an HTTP status other than 200) is closed for
      // good; a dropped connection is retried by the package itself.
      if (this.es.readyState !== EventSource.CLOSED) return;
      this.failure = new Error(`the stream was refused: ${e.code ?? ""} ${e.message ?? ""}`.trim());
      this.failure.code = e.code;
      this.rejectOpen(this.failure);
      if (this.waiter) this.waiter.reject(this.failure);
    });
  }

  push(event) {
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve(event);
    } else {
      this.queue.push(event);
    }
  }

  // open waits until the server answered 200: from then on, the stream
  // receives every event committed.
  async open() {
    await withTimeout(this.opened, "the stream did not open");
  }

  // next answers the next event, failing after waitMs.
  next(what) {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
    if (this.failure) return Promise.reject(this.failure);
    return withTimeout(new Promise((resolve, reject) => (this.waiter = { resolve, reject })), `no event came: ${what}`);
  }

  close() {
    this.es.close();
  }
}

function withTimeout(promise, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (within ${waitMs / 1000} s)`)), waitMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// expectMessage takes the next event and checks it is message.created for
// the message posted as `posted`, with the document GET /messages/:id
// answers.
async function expectMessage(stream, posted, what) {
  const event = await stream.next(what);
  assert.equal(event.name, "message.created", `${what}: the next event is message.created, not ${event.name}`);
  assert.equal(event.doc.data.type, "message");
  assert.equal(event.doc.data.id, posted.data.id, `${what}: the event is about "${posted.data.attributes.content}"`);
  assert.equal(event.doc.data.attributes.content, posted.data.attributes.content);
  assert.match(event.id, /^\d+$/, "every event has an id");
  return event;
}

const run = Date.now().toString(36);
const email = (name) => `${name}.${run}@events.test`;
const password = "walkthrough-secret";
const streams = [];
const watchdog = setTimeout(() => {
  console.error("not ok - the events walkthrough took longer than 90 s");
  process.exit(1);
}, 90000);
watchdog.unref();

try {
  const { ada, grace, chatId } = await step("sign up Ada, add Grace, start their conversation", async () => {
    const signUp = await call("POST", "sign_up", "", {
      data: { type: "user", attributes: { account_name: `Events ${run}`, name: "Ada", email: email("ada"), password } },
    });
    assert.equal(signUp.status, 201);
    const ada = { id: signUp.doc.data.id, token: tokenOf(signUp) };
    const created = await call("POST", "users", ada.token, {
      data: { type: "user", attributes: { name: "Grace", email: email("grace"), password } },
    });
    assert.equal(created.status, 201);
    const signIn = await call("POST", "sign_in", "", {
      data: { type: "session", attributes: { email: email("grace"), password } },
    });
    assert.equal(signIn.status, 200);
    const grace = { id: created.doc.data.id, token: tokenOf(signIn) };
    const started = await call("POST", "direct_conversations", ada.token, {
      data: { type: "direct_conversation", attributes: { user_id: grace.id } },
    });
    assert.equal(started.status, 201);
    return { ada, grace, chatId: started.doc.data.relationships.chat.data.id };
  });

  const post = async (who, content) => {
    const res = await call("POST", `chats/${chatId}/messages`, who.token, {
      data: { type: "message", attributes: { content } },
    });
    assert.equal(res.status, 201, `posting "${content}" answers 201`);
    return res.doc;
  };

  const lastEventId = await step("Ada follows her stream with a bearer header and sees Grace's message", async () => {
    const stream = new Stream(`${api}/events`, { Authorization: `Bearer ${ada.token}` });
    streams.push(stream);
    await stream.open();
    const posted = await post(grace, "Hello, Ada!");
    const event = await expectMessage(stream, posted, "Grace's first message");
    const fetched = await call("GET", `messages/${posted.data.id}`, ada.token);
    assert.deepEqual(event.doc.data, fetched.doc.data, "the event carries the message's JSON:API document");
    assert.equal(event.doc.data.attributes.author_id, grace.id);
    stream.close();
    return event.id;
  });

  const missed = await step("while Ada is away, Grace posts two messages", async () => [
    await post(grace, "Missed one"),
    await post(grace, "Missed two"),
  ]);

  await step("Ada resumes with Last-Event-ID and receives exactly those two, in order", async () => {
    const stream = new Stream(`${api}/events`, { Authorization: `Bearer ${ada.token}`, "Last-Event-ID": lastEventId });
    streams.push(stream);
    await stream.open();
    const first = await expectMessage(stream, missed[0], "the first missed message");
    const second = await expectMessage(stream, missed[1], "the second missed message");
    assert.ok(Number(lastEventId) < Number(first.id) && Number(first.id) < Number(second.id), "ids increase");
    const marker = await post(grace, "Marker");
    await expectMessage(stream, marker, "the marker, right after the two (nothing else came in between)");

    const read = await call("PUT", `chats/${chatId}/bookmark`, grace.token);
    // Grace's own posts already gave her a bookmark, so this moves it.
    assert.equal(read.status, 200, "Grace marks the chat read");
    const receipt = await stream.next("Grace's read receipt");
    assert.equal(receipt.name, "chat_bookmark.updated", `the next event is the read receipt, not ${receipt.name}`);
    assert.equal(receipt.doc.data.type, "chat_bookmark");
    assert.equal(receipt.doc.data.attributes.chat_id, chatId);
    assert.equal(receipt.doc.data.attributes.user_id, grace.id, "the receipt names the reader");
    stream.close();
  });

  await step("as a browser must: a single-use ticket in the URL, no header", async () => {
    const issued = await call("POST", "event_tickets", ada.token);
    assert.equal(issued.status, 201);
    assert.equal(issued.doc.data.type, "event_ticket");
    const url = `${api}/events?ticket=${encodeURIComponent(issued.doc.data.attributes.ticket)}`;
    const stream = new Stream(url);
    streams.push(stream);
    await stream.open();
    const posted = await post(grace, "Through a ticket");
    await expectMessage(stream, posted, "a message on the ticket's stream");
    stream.close();

    const again = new Stream(url);
    streams.push(again);
    await assert.rejects(again.open(), (err) => err.code === 401, "a used ticket is refused with 401");
  });

  await step("a bearer token in the URL is refused", async () => {
    const res = await fetch(`${api}/events?access_token=${ada.token}`, { signal: AbortSignal.timeout(waitMs) });
    assert.equal(res.status, 400);
    const doc = await res.json();
    assert.equal(doc.errors[0].source.parameter, "access_token");
  });

  console.log("events walkthrough complete");
} catch (err) {
  console.error(`not ok - ${err.message}`);
  process.exitCode = 1;
} finally {
  for (const s of streams) s.close();
}
