// Package jsonapi writes and reads JSON:API documents: resource objects
// built member by member under sparse fieldsets, compound documents that
// include each resource once, and the error documents of failed requests.
// It knows no resource of its own; the HTTP adapter renders its resources
// with it.
package jsonapi

// SingleDocument carries one primary resource.
type SingleDocument struct {
	Data     Resource   `json:"data"`
	Included []Resource `json:"included,omitempty"`
}

// CollectionDocument carries a page of a collection.
type CollectionDocument struct {
	Data     []Resource      `json:"data"`
	Included []Resource      `json:"included,omitempty"`
	Links    CollectionLinks `json:"links"`
}

// CollectionLinks are the links of a page; Next is null on the last page.
type CollectionLinks struct {
	Self string  `json:"self"`
	Next *string `json:"next"`
}

// MetaDocument carries only meta information, such as a health status.
type MetaDocument struct {
	Meta map[string]string `json:"meta"`
}

// ErrorDocument carries the errors of a failed request.
type ErrorDocument struct {
	Errors []ErrorObject `json:"errors"`
}

// ErrorObject is one JSON:API error object.
type ErrorObject struct {
	Status string       `json:"status"`
	Code   string       `json:"code"`
	Title  string       `json:"title"`
	Detail string       `json:"detail,omitempty"`
	Source *ErrorSource `json:"source,omitempty"`
}

// ErrorSource says which part of the request an error is about.
type ErrorSource struct {
	Pointer   string `json:"pointer,omitempty"`
	Parameter string `json:"parameter,omitempty"`
	Header    string `json:"header,omitempty"`
}
