// A walkthrough of the Parley API with the Kitsu JSON:API client: sign up,
// add members, start direct conversations, list them with includes, a peer
// search and cursor pagination, read a JSON:API error, post a message, see
// what is unread for the peer, mark it read, correct and withdraw messages,
// rename and offboard a member, and sign out. Every step checks its result; the first failure ends the run
// with a non-zero exit status.
//
// usage: BASE_URL=http://127.0.0.1:8080 node walkthrough.mjs
import assert from "node:assert/strict";
import Kitsu from "kitsu";

const baseURL = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");

// Parley's resource types are singular and snake_case ("direct_conversation"),
// exactly as the API spells them, so Kitsu must neither pluralise, camelCase
// nor re-case them.
const api = new Kitsu({
  baseURL: `${baseURL}/api/v1`,
  pluralize: false,
  camelCaseTypes: false,
  resourceCase: "none",
  timeout: 10000,
});

// Kitsu derives both the URL and the resource type of a create request from
// one model name, while Parley posts singular types to plural collections
// (and a user to /sign_up). A request option `path` names the URL instead.
api.interceptors.request.use((config) => {
  if (config.path) config.url = config.path;
  return config;
});

// create posts attributes as a new resource of type to path.
function create(path, type, attributes, params = {}) {
  return api.post(type, attributes, { params, axiosOptions: { path } });
}

// step runs one named step and reports it.
async function step(name, fn) {
  const result = await fn();
  console.log(`ok - ${name}`);
  return result;
}

// failure runs fn, which must fail with an HTTP error, and returns it.
async function failure(fn) {
  try {
    await fn();
  } catch (err) {
    if (err.response) return err;
    throw err;
  }
  assert.fail("the request succeeded, but it should have failed");
}

const run = Date.now().toString(36);
const email = (name) => `${name}.${run}@walkthrough.test`;
const password = "walkthrough-secret";

const admin = await step("sign up an account and its admin", async () => {
  const res = await create("sign_up", "user", {
    account_name: `Walkthrough ${run}`,
    name: "Ada Lovelace",
    email: email("ada"),
    password,
  });
  assert.equal(res.status, 201);
  assert.equal(res.data.type, "user");
  assert.equal(res.data.role, "admin");
  const token = res.headers.authorization;
  assert.match(token ?? "", /^Bearer \S+$/, "sign-up answers the token in the Authorization header");
  api.headers.Authorization = token;
  return res.data;
});

const members = await step("create three members as the admin", async () => {
  const names = ["Grace Hopper", "Mesut Özil", "Katherine Johnson"];
  const created = [];
  for (const name of names) {
    const res = await create("users", "user", { name, email: email(name.split(" ")[0].toLowerCase()), password });
    assert.equal(res.status, 201);
    assert.equal(res.headers.location, `/api/v1/users/${res.data.id}`);
    assert.equal(res.data.role, "member");
    created.push(res.data);
  }
  return created;
});

const conversations = await step("start a direct conversation with each member", async () => {
  const started = [];
  for (const member of members) {
    const res = await create("direct_conversations", "direct_conversation", { user_id: member.id });
    assert.equal(res.status, 201);
    assert.equal(res.data.first_user_id, admin.id);
    assert.equal(res.data.second_user_id, member.id);
    started.push(res.data);
  }
  return started;
});

await step("starting one again answers the same conversation", async () => {
  const res = await create("direct_conversations", "direct_conversation", { user_id: members[0].id });
  assert.equal(res.status, 200);
  assert.equal(res.data.id, conversations[0].id);
});

await step("find a conversation by its peer's name, with both users included", async () => {
  const res = await api.get("direct_conversations", {
    params: { search_peer: "ÖZIL", include: "first_user,second_user" },
  });
  assert.equal(res.status, 200);
  assert.equal(res.data.length, 1, "exactly one conversation has a peer named like ÖZIL");
  const [found] = res.data;
  assert.equal(found.id, conversations[1].id);
  assert.equal(found.second_user.data.name, "Mesut Özil", "the included peer is linked to the conversation");
  assert.equal(found.first_user.data.name, "Ada Lovelace");
  assert.equal(res.links.next, null);
});

await step("page through every conversation by following links.next", async () => {
  const seen = [];
  let after;
  for (let pages = 1; ; pages++) {
    const page = { size: 2, ...(after ? { after } : {}) };
    const res = await api.get("direct_conversations", { params: { sort: "created_at", page } });
    assert.ok(res.data.length <= 2);
    seen.push(...res.data.map((c) => c.id));
    if (res.links.next === null) {
      assert.equal(pages, 2, "three conversations in pages of two make two pages");
      break;
    }
    after = new URL(res.links.next, baseURL).searchParams.get("page[after]");
    assert.ok(after, "links.next carries the cursor of the next page");
  }
  assert.deepEqual(seen, conversations.map((c) => c.id), "every conversation once, oldest first");
});

await step("a conversation with yourself is a JSON:API error", async () => {
  const err = await failure(() => create("direct_conversations", "direct_conversation", { user_id: admin.id }));
  assert.equal(err.response.status, 422);
  assert.match(err.response.headers["content-type"], /^application\/vnd\.api\+json/);
  assert.ok(Array.isArray(err.errors) && err.errors.length > 0, "the client exposes the error objects");
  const [problem] = err.errors;
  assert.equal(problem.status, "422");
  assert.equal(problem.code, "validation_failed");
  assert.equal(problem.source.pointer, "/data/attributes/user_id");
  assert.ok(problem.title && problem.detail);
});

await step("post a message and see it as the chat's latest", async () => {
  const chatId = conversations[0].chat.data.id;
  const posted = await create(`chats/${chatId}/messages`, "message", { content: "Hello, Grace!" });
  assert.equal(posted.status, 201);
  assert.equal(posted.data.author_id, admin.id);
  const chat = await api.get(`chats/${chatId}`, { params: { include: "latest_message" } });
  assert.equal(chat.data.latest_message_id, posted.data.id);
  assert.equal(chat.data.latest_message.data.content, "Hello, Grace!");
});

await step("the peer sees the message as unread and marks the chat read", async () => {
  const chatId = conversations[0].chat.data.id;
  const signIn = await api.axios.post(
    "sign_in",
    { data: { type: "session", attributes: { email: email("grace"), password } } },
    { headers: { ...api.headers, Authorization: undefined } },
  );
  assert.equal(signIn.status, 200);
  const headers = { ...api.headers, Authorization: signIn.headers.authorization };
  const counts = await api.axios.get("unread_counts", { headers });
  assert.equal(counts.data.data.type, "unread_counts");
  assert.equal(counts.data.data.attributes.direct_conversations, 1);
  assert.equal(counts.data.data.attributes.messages, 1);
  const inbox = await api.axios.get("direct_conversations", {
    headers,
    params: { include: "chat.latest_message.author,chat.bookmark,first_user,second_user" },
  });
  const [row] = inbox.data.data;
  assert.equal(row.meta.unread_count, 1, "the inbox row carries the unread badge");
  const preview = inbox.data.included.find((r) => r.type === "message");
  assert.equal(preview.attributes.content, "Hello, Grace!", "and the last message's preview");
  const marked = await api.axios.put(`chats/${chatId}/bookmark`, null, { headers });
  assert.equal(marked.status, 201, "the first mark creates Grace's bookmark");
  assert.equal(marked.data.data.type, "chat_bookmark");
  const after = await api.axios.get("unread_counts", { headers });
  assert.equal(after.data.data.attributes.messages, 0);
});

await step("correct a message, then withdraw one sent by mistake", async () => {
  const chatId = conversations[0].chat.data.id;
  const posted = await create(`chats/${chatId}/messages`, "message", { content: "See you at seven." });
  assert.equal(posted.data.links.self, `/api/v1/messages/${posted.data.id}`, "every message has its own address");
  const edited = await api.patch(
    "message",
    { id: posted.data.id, content: "See you at eight." },
    { axiosOptions: { path: `messages/${posted.data.id}` } },
  );
  assert.equal(edited.data.content, "See you at eight.");
  assert.ok(edited.data.edited_at, "edited_at is set");
  const oops = await create(`chats/${chatId}/messages`, "message", { content: "Wrong chat, sorry" });
  const signIn = await api.axios.post(
    "sign_in",
    { data: { type: "session", attributes: { email: email("grace"), password } } },
    { headers: { ...api.headers, Authorization: undefined } },
  );
  const headers = { ...api.headers, Authorization: signIn.headers.authorization };
  const before = await api.axios.get("unread_counts", { headers });
  assert.equal(before.data.data.attributes.messages, 2, "Grace has both new messages unread");
  const res = await api.axios.delete(`messages/${oops.data.id}`, { headers: api.headers });
  assert.equal(res.status, 204);
  const again = await api.axios.delete(`messages/${oops.data.id}`, { headers: api.headers });
  assert.equal(again.status, 204, "withdrawing twice is harmless");
  const tombstone = await api.get(`messages/${oops.data.id}`);
  assert.equal(tombstone.data.content, null, "a tombstone keeps no text");
  assert.ok(tombstone.data.discarded_at, "discarded_at is set");
  const after = await api.axios.get("unread_counts", { headers });
  assert.equal(after.data.data.attributes.messages, 1, "the withdrawn message no longer counts as unread");
  const list = await api.get(`chats/${chatId}/messages`);
  assert.equal(list.data[0].id, oops.data.id, "the tombstone keeps its place in the list");
});

await step("rename a member; the rename shows at once in search_peer", async () => {
  const grace = members[0];
  const res = await api.patch("user", { id: grace.id, name: "Grace Brewster Hopper" }, { axiosOptions: { path: `users/${grace.id}` } });
  assert.equal(res.data.name, "Grace Brewster Hopper");
  const found = await api.get("direct_conversations", { params: { search_peer: "Brewster" } });
  assert.deepEqual(found.data.map((c) => c.id), [conversations[0].id]);
});

await step("offboard a member: deactivated, still readable, reactivated", async () => {
  const grace = members[0];
  const res = await api.axios.delete(`users/${grace.id}`, { headers: api.headers });
  assert.equal(res.status, 204);
  const gone = await api.get(`users/${grace.id}`);
  assert.ok(gone.data.discarded_at, "discarded_at is set");
  const chat = await api.get(`chats/${conversations[0].chat.data.id}/messages`);
  assert.ok(Array.isArray(chat.data), "the conversation stays readable");
  const back = await api.patch("user", { id: grace.id, discarded_at: null }, { axiosOptions: { path: `users/${grace.id}` } });
  assert.equal(back.data.discarded_at, null);
});

await step("sign out; the token is refused from then on", async () => {
  const res = await api.axios.delete("sign_out", { headers: api.headers });
  assert.equal(res.status, 204);
  const err = await failure(() => api.get("users/me"));
  assert.equal(err.response.status, 401);
  assert.match(err.response.headers["www-authenticate"] ?? "", /^Bearer/);
  assert.equal(err.errors[0].code, "unauthorized");
});

console.log("walkthrough complete");
