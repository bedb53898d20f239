package jsonapi

// Fieldset is the set of fields a client asked for on one type; nil means
// every field.
type Fieldset map[string]bool

// Fieldsets maps a resource type to its sparse fieldset.
type Fieldsets map[string]Fieldset

// Of returns the fieldset of typ, nil when the client did not restrict it.
func (f Fieldsets) Of(typ string) Fieldset {
	if f == nil {
		return nil
	}
	return f[typ]
}

// Includes is the set of relationship paths a client asked to include.
type Includes map[string]bool
