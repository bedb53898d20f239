package acceptance_test

import (
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStartDirectConversation(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		t.Run("new_pair_is_201_then_200_for_either", func(t *testing.T) {
			linus := addMember(t, api, admin, "Linus")
			r := start(t, api, admin, linus).requireStatus(t, http.StatusCreated)
			c := r.one(t)
			require.Equal(t, "direct_conversation", c.Type)
			require.Equal(t, "/api/v1/direct_conversations/"+c.ID, pathOf(t, r.header.Get("Location")))
			require.Equal(t, "/api/v1/direct_conversations/"+c.ID, pathOf(t, c.Links["self"]))
			require.Equal(t, admin.id, c.str("first_user_id"))
			require.Equal(t, linus.id, c.str("second_user_id"))
			require.Equal(t, &identifier{Type: "user", ID: admin.id}, c.linkage(t, "first_user"))
			require.Equal(t, &identifier{Type: "user", ID: linus.id}, c.linkage(t, "second_user"))
			chat := c.linkage(t, "chat")
			require.Equal(t, "chat", chat.Type)
			again := start(t, api, admin, linus).requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, c.ID, again.ID)
			reverse := start(t, api, linus, admin).requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, c.ID, reverse.ID)
			require.Equal(t, admin.id, reverse.str("first_user_id"))
			got := api.get(t, "/api/v1/chats/"+chat.ID, linus.token).requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, "direct_conversation", got.str("context_type"))
			require.Equal(t, c.ID, got.str("context_id"))
			require.Nil(t, got.Attributes["latest_message_id"])
		})
		t.Run("concurrent_creates_make_one", func(t *testing.T) {
			peer := addMember(t, api, admin, "Barbara Liskov")
			var wg sync.WaitGroup
			statuses := make([]int, 100)
			ids := make([]string, 100)
			for i := range 100 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					from, to := admin, peer
					if i%2 == 1 {
						from, to = peer, admin
					}
					r := start(t, api, from, to)
					statuses[i] = r.status
					if r.status < 300 {
						ids[i] = r.one(t).ID
					}
				}()
			}
			wg.Wait()
			created := 0
			for i, s := range statuses {
				require.Contains(t, []int{http.StatusOK, http.StatusCreated}, s)
				require.Equal(t, ids[0], ids[i])
				if s == http.StatusCreated {
					created++
				}
			}
			require.Equal(t, 1, created)
			list := api.get(t, "/api/v1/direct_conversations?filter[second_user_id]=in:"+admin.id+","+peer.id, admin.token)
			require.Len(t, list.requireStatus(t, http.StatusOK).many(t), 1)
		})
		t.Run("user_id_rules", func(t *testing.T) {
			stranger := signUp(t, api, "Mallory")
			cases := []struct {
				name   string
				attrs  map[string]any
				status int
				code   string
			}{
				{"missing", map[string]any{}, http.StatusUnprocessableEntity, "validation_failed"},
				{"empty", map[string]any{"user_id": ""}, http.StatusUnprocessableEntity, "validation_failed"},
				{"not_a_uuid", map[string]any{"user_id": "grace"}, http.StatusUnprocessableEntity, "validation_failed"},
				{"not_a_string", map[string]any{"user_id": 42}, http.StatusUnprocessableEntity, "validation_failed"},
				{"own_id", map[string]any{"user_id": admin.id}, http.StatusUnprocessableEntity, "validation_failed"},
				{"unknown_user", map[string]any{"user_id": "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"}, http.StatusNotFound, "not_found"},
				{"other_account", map[string]any{"user_id": stranger.id}, http.StatusNotFound, "not_found"},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					r := api.post(t, "/api/v1/direct_conversations", admin.token, attrs("direct_conversation", c.attrs))
					r.requireError(t, c.status, c.code, "/data/attributes/user_id")
				})
			}
		})
		t.Run("read_only_and_unknown_attributes", func(t *testing.T) {
			for _, name := range []string{"first_user_id", "second_user_id", "created_at", "updated_at", "colour"} {
				r := api.post(t, "/api/v1/direct_conversations", admin.token, attrs("direct_conversation",
					map[string]any{"user_id": grace.id, name: admin.id}))
				r.requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/"+name)
			}
		})
		t.Run("document_shape", func(t *testing.T) {
			cases := []struct {
				name, body, code string
				status           int
			}{
				{"malformed_json", `{"data":`, "invalid_json", http.StatusBadRequest},
				{"trailing_garbage", `{"data":{"type":"direct_conversation","attributes":{}}} x`, "invalid_json", http.StatusBadRequest},
				{"array", `[]`, "invalid_document", http.StatusBadRequest},
				{"no_data", `{"meta":{}}`, "invalid_document", http.StatusBadRequest},
				{"data_array", `{"data":[]}`, "invalid_document", http.StatusBadRequest},
				{"no_type", `{"data":{"attributes":{}}}`, "invalid_document", http.StatusBadRequest},
				{"attributes_not_object", `{"data":{"type":"direct_conversation","attributes":[]}}`, "invalid_document", http.StatusBadRequest},
				{"wrong_type", `{"data":{"type":"chat","attributes":{"user_id":"` + grace.id + `"}}}`, "conflict", http.StatusConflict},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					api.post(t, "/api/v1/direct_conversations", admin.token, c.body).requireError(t, c.status, c.code, "")
				})
			}
		})
		t.Run("needs_a_token", func(t *testing.T) {
			api.post(t, "/api/v1/direct_conversations", "", attrs("direct_conversation", map[string]any{"user_id": grace.id})).
				requireError(t, http.StatusUnauthorized, "unauthorized", "")
		})
	})
}

func TestGetDirectConversation(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		outsider := addMember(t, api, admin, "Outsider")
		stranger := signUp(t, api, "Mallory")
		c := conversation(t, api, admin, grace)
		path := "/api/v1/direct_conversations/" + c.ID
		for _, p := range []person{admin, grace} {
			require.Equal(t, c.ID, api.get(t, path, p.token).requireStatus(t, http.StatusOK).one(t).ID)
		}
		missing := api.get(t, "/api/v1/direct_conversations/0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b", admin.token)
		missing.requireError(t, http.StatusNotFound, "not_found", "")
		for _, p := range []person{outsider, stranger} {
			r := api.get(t, path, p.token)
			r.requireError(t, http.StatusNotFound, "not_found", "")
			require.Equal(t, string(missing.raw), string(r.raw))
		}
		api.get(t, "/api/v1/direct_conversations/42", admin.token).requireError(t, http.StatusNotFound, "not_found", "")

		r := api.get(t, path+"?include=chat,first_user,second_user", grace.token).requireStatus(t, http.StatusOK)
		types := map[string]string{}
		for _, inc := range r.doc.Included {
			types[inc.Type+"/"+inc.ID] = inc.Type
		}
		require.Len(t, r.doc.Included, 3)
		require.Contains(t, types, "user/"+admin.id)
		require.Contains(t, types, "user/"+grace.id)
		require.Contains(t, types, "chat/"+c.linkage(t, "chat").ID)

		sparse := api.get(t, path+"?fields[direct_conversation]=first_user_id", grace.token).requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, map[string]any{"first_user_id": admin.id}, sparse.Attributes)
		api.get(t, path+"?include=messages", grace.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "include")
	})
}

func TestListDirectConversations(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		me := signUp(t, api, "Ada Lovelace")
		names := []string{"Mesut Özil", "100% Real", "snake_case Sam", `Back\Slash`, "Grace Hopper", "Zoë Zed", "Plain Peer"}
		peers := map[string]person{}
		var order []string
		for _, n := range names {
			p := addMember(t, api, me, n)
			peers[n] = p
			order = append(order, conversation(t, api, me, p).ID)
		}
		// Someone else's conversation in the same account must never show up.
		third := addMember(t, api, me, "Third Party")
		conversation(t, api, peers["Plain Peer"], third)

		list := func(query string) []resource {
			return api.get(t, "/api/v1/direct_conversations"+query, me.token).requireStatus(t, http.StatusOK).many(t)
		}
		t.Run("default_order_is_latest_chat_activity", func(t *testing.T) {
			got := list("")
			require.Len(t, got, len(names))
			for i := range order {
				require.Equal(t, order[len(order)-1-i], got[i].ID)
			}
			target := got[len(got)-1]
			postMessage(t, api, peers["Mesut Özil"], target.linkage(t, "chat").ID, "hallo")
			require.Equal(t, target.ID, list("")[0].ID)
			require.Equal(t, target.ID, list("?sort=-chat_updated_at")[0].ID)
			require.Equal(t, order[0], list("?sort=created_at")[0].ID)
			require.Equal(t, order[len(order)-1], list("?sort=-created_at,updated_at")[0].ID)
		})
		t.Run("search_peer", func(t *testing.T) {
			cases := map[string][]string{
				"ÖZIL": {"Mesut Özil"}, "özil": {"Mesut Özil"}, "%": {"100% Real"}, "_": {"snake_case Sam"},
				`\`: {`Back\Slash`}, "zoË": {"Zoë Zed"}, "ada": {}, "  ": names, "": names,
			}
			for q, want := range cases {
				got := list("?search_peer=" + url.QueryEscape(q))
				var ids []string
				for _, n := range want {
					ids = append(ids, peers[n].id)
				}
				var seconds []string
				for _, c := range got {
					seconds = append(seconds, c.str("second_user_id"))
				}
				require.ElementsMatch(t, ids, seconds, "search_peer=%q", q)
			}
		})
		t.Run("filters", func(t *testing.T) {
			require.Len(t, list("?filter[first_user_id]=eq:"+me.id), len(names))
			require.Empty(t, list("?filter[first_user_id]=!eq:"+me.id))
			two := list("?filter[second_user_id]=in:" + peers["Zoë Zed"].id + "," + peers["Grace Hopper"].id)
			require.Len(t, two, 2)
			require.Len(t, list("?filter[second_user_id]=!in:"+peers["Zoë Zed"].id), len(names)-1)
			require.Len(t, list("?filter[created_at]=present"), len(names))
			require.Empty(t, list("?filter[created_at]=blank"))
			first := list("?sort=created_at")[0]
			after := list("?filter[created_at]=gt:" + url.QueryEscape(first.str("created_at")))
			require.Len(t, after, len(names)-1)
			require.Len(t, list("?filter[created_at]=lte:"+url.QueryEscape(first.str("created_at"))+"&filter[first_user_id]=eq:"+me.id), 1)
		})
		t.Run("includes_each_resource_once", func(t *testing.T) {
			r := api.get(t, "/api/v1/direct_conversations?include=first_user,second_user,chat", me.token).requireStatus(t, http.StatusOK)
			seen := map[string]int{}
			for _, inc := range r.doc.Included {
				seen[inc.Type+"/"+inc.ID]++
			}
			require.Equal(t, 1, seen["user/"+me.id])
			require.Len(t, r.doc.Included, 1+2*len(names))
			for k, n := range seen {
				require.Equal(t, 1, n, k)
			}
		})
		t.Run("pagination", func(t *testing.T) {
			all := collect(t, api, "/api/v1/direct_conversations?page[size]=2&sort=created_at", me.token)
			require.Equal(t, order, ids(all))
			r := api.get(t, "/api/v1/direct_conversations?page[size]=3", me.token).requireStatus(t, http.StatusOK)
			next := r.doc.Links["next"]
			require.NotNil(t, next)
			u, err := url.Parse(pathOf(t, *next))
			require.NoError(t, err)
			cursor := u.Query().Get("page[after]")
			require.NotEmpty(t, cursor)
			// Change the first character: unlike the last one, every bit of it
			// is significant in base64.
			flip := "A"
			if cursor[0] == 'A' {
				flip = "B"
			}
			tampered := flip + cursor[1:]
			for _, bad := range []string{tampered, "x" + cursor, "not-a-cursor"} {
				api.get(t, "/api/v1/direct_conversations?page[after]="+url.QueryEscape(bad), me.token).
					requireError(t, http.StatusBadRequest, "invalid_parameter", "page[after]")
			}
			api.get(t, "/api/v1/direct_conversations?sort=created_at&page[after]="+url.QueryEscape(cursor), me.token).
				requireError(t, http.StatusBadRequest, "invalid_parameter", "page[after]")
			last := api.get(t, "/api/v1/direct_conversations?page[size]=100", me.token).requireStatus(t, http.StatusOK)
			require.Nil(t, last.doc.Links["next"])
		})
		t.Run("bad_parameters", func(t *testing.T) {
			cases := map[string]string{
				"?sort=name":                        "sort",
				"?sort=-chat_updated_at,id":         "sort",
				"?filter[peer_name]=eq:x":           "filter[peer_name]",
				"?filter[first_user_id]=ct:x":       "filter[first_user_id]",
				"?filter[first_user_id]=eq:x":       "filter[first_user_id]",
				"?filter[updated_at]=lt:yesterday":  "filter[updated_at]",
				"?include=messages":                 "include",
				"?page[size]=1000":                  "page[size]",
				"?fields[direct_conversation]=pass": "fields[direct_conversation]",
				"?page[number]=2":                   "page[number]",
			}
			for q, param := range cases {
				api.get(t, "/api/v1/direct_conversations"+q, me.token).requireError(t, http.StatusBadRequest, "invalid_parameter", param)
			}
		})
		t.Run("others_see_only_their_own", func(t *testing.T) {
			got := api.get(t, "/api/v1/direct_conversations", peers["Plain Peer"].token).requireStatus(t, http.StatusOK).many(t)
			require.Len(t, got, 2)
			stranger := signUp(t, api, "Mallory")
			require.Empty(t, api.get(t, "/api/v1/direct_conversations", stranger.token).requireStatus(t, http.StatusOK).many(t))
		})
	})
}
