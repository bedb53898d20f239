package httpapi

import (
	"net/url"
	"strings"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

// pageLinks returns the self link of the request and the link of the page
// after it: the same query with page[after] replaced, null without a next
// page.
func pageLinks(u *url.URL, next *application.Cursor, cursors *cursorCodec) (jsonapi.CollectionLinks, error) {
	links := jsonapi.CollectionLinks{Self: u.Path}
	if u.RawQuery != "" {
		links.Self += "?" + u.RawQuery
	}
	if next == nil {
		return links, nil
	}
	token, err := cursors.encode(*next)
	if err != nil {
		return jsonapi.CollectionLinks{}, err
	}
	var b strings.Builder
	b.WriteString(u.Path)
	b.WriteByte('?')
	for pair := range strings.SplitSeq(u.RawQuery, "&") {
		rawKey, _, _ := strings.Cut(pair, "=")
		if key, err := url.QueryUnescape(rawKey); pair == "" || (err == nil && key == "page[after]") {
			continue
		}
		b.WriteString(pair)
		b.WriteByte('&')
	}
	b.WriteString("page[after]=")
	b.WriteString(url.QueryEscape(token))
	s := b.String()
	return jsonapi.CollectionLinks{Self: links.Self, Next: &s}, nil
}
