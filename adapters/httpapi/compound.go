package httpapi

import (
	"net/url"
	"strings"

	"github.com/parley-chat/parley/application"
)

// compound assembles a compound document: primary data plus the included
// resources the client asked for, each exactly once and never a primary
// resource again.
type compound struct {
	fields   fieldsets
	include  includes
	seen     map[identifier]bool
	included []resource
	arena    arena
}

// newCompound starts a document shaped by the request's include and fields.
func newCompound(q queryParams) *compound {
	return &compound{fields: q.fields, include: q.include}
}

// primary records r as primary data so that it is never included as well.
func (cd *compound) primary(r resource) resource {
	cd.mark(identifier{Type: r.Type, ID: r.ID})
	return r
}

// wants reports whether the client asked to include path.
func (cd *compound) wants(path string) bool {
	return cd.include[path]
}

// add includes the resource typ/id, rendering it only when it is new.
func (cd *compound) add(typ, id string, render func() resource) {
	key := identifier{Type: typ, ID: id}
	if cd.seen[key] {
		return
	}
	cd.mark(key)
	cd.included = append(cd.included, render())
}

// expect sizes the document for resources resources in all, primary and
// included, so that a page grows its de-duplication set and included list
// once instead of a dozen times.
func (cd *compound) expect(resources int) {
	cd.seen = make(map[identifier]bool, resources)
	if len(cd.include) > 0 {
		cd.included = make([]resource, 0, resources)
	}
}

func (cd *compound) mark(key identifier) {
	if cd.seen == nil {
		cd.seen = map[identifier]bool{}
	}
	cd.seen[key] = true
}

// single returns the document of one primary resource.
func (cd *compound) single(r resource) singleDocument {
	return singleDocument{Data: r, Included: cd.included}
}

// collection returns the document of one page.
func (cd *compound) collection(data []resource, links collectionLinks) collectionDocument {
	if data == nil {
		data = []resource{}
	}
	return collectionDocument{Data: data, Included: cd.included, Links: links}
}

// pageLinks returns the self link of the request and the link of the page
// after it: the same query with page[after] replaced, null without a next
// page.
func pageLinks(u *url.URL, next *application.Cursor, cursors *cursorCodec) (collectionLinks, error) {
	links := collectionLinks{Self: u.Path}
	if u.RawQuery != "" {
		links.Self += "?" + u.RawQuery
	}
	if next == nil {
		return links, nil
	}
	token, err := cursors.encode(*next)
	if err != nil {
		return collectionLinks{}, err
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
	return collectionLinks{Self: links.Self, Next: &s}, nil
}

// arenaChunk is the size of the blocks an arena hands out buffers from: a
// list page of 20 conversations with everything included needs about 25 KB
// of attribute and relationship objects.
const arenaChunk = 16 << 10

// arena hands out the buffers of one document's pre-encoded objects from a
// few large blocks instead of one allocation per object. Every buffer is
// capped at its requested capacity, so an object that outgrows it moves to
// an allocation of its own instead of writing into its neighbour. A block
// lives as long as any resource that points into it.
type arena struct {
	free []byte
}

// buffer returns an empty buffer of the given capacity; a nil arena
// allocates it on its own.
func (a *arena) buffer(capacity int) []byte {
	if a == nil {
		return make([]byte, 0, capacity)
	}
	if len(a.free) < capacity {
		a.free = make([]byte, max(arenaChunk, capacity))
	}
	b := a.free[:0:capacity]
	a.free = a.free[capacity:]
	return b
}
