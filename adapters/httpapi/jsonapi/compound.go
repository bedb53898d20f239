package jsonapi

// Compound assembles a compound document: primary data plus the included
// resources the client asked for, each exactly once and never a primary
// resource again.
type Compound struct {
	fields   Fieldsets
	include  Includes
	seen     map[Identifier]bool
	included []Resource
	// Arena holds the pre-encoded objects of the document's resources.
	Arena Arena
}

// NewCompound starts a document shaped by the request's sparse fieldsets
// and include paths.
func NewCompound(fields Fieldsets, include Includes) *Compound {
	return &Compound{fields: fields, include: include}
}

// Fields returns the sparse fieldsets the document's resources are
// rendered with.
func (cd *Compound) Fields() Fieldsets {
	return cd.fields
}

// Primary records r as primary data so that it is never included as well.
func (cd *Compound) Primary(r Resource) Resource {
	cd.mark(Identifier{Type: r.Type, ID: r.ID})
	return r
}

// Wants reports whether the client asked to include path.
func (cd *Compound) Wants(path string) bool {
	return cd.include[path]
}

// Add includes the resource typ/id, rendering it only when it is new.
func (cd *Compound) Add(typ, id string, render func() Resource) {
	key := Identifier{Type: typ, ID: id}
	if cd.seen[key] {
		return
	}
	cd.mark(key)
	cd.included = append(cd.included, render())
}

// Expect sizes the document for resources resources in all, primary and
// included, so that a page grows its de-duplication set and included list
// once instead of a dozen times.
func (cd *Compound) Expect(resources int) {
	cd.seen = make(map[Identifier]bool, resources)
	if len(cd.include) > 0 {
		cd.included = make([]Resource, 0, resources)
	}
}

func (cd *Compound) mark(key Identifier) {
	if cd.seen == nil {
		cd.seen = map[Identifier]bool{}
	}
	cd.seen[key] = true
}

// Single returns the document of one primary resource.
func (cd *Compound) Single(r Resource) SingleDocument {
	return SingleDocument{Data: r, Included: cd.included}
}

// Collection returns the document of one page.
func (cd *Compound) Collection(data []Resource, links CollectionLinks) CollectionDocument {
	if data == nil {
		data = []Resource{}
	}
	return CollectionDocument{Data: data, Included: cd.included, Links: links}
}
