package httpapi

import (
	"net/url"
	"slices"
	"strings"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// reasonUnknownParameter reports a query parameter the endpoint does not
// accept at all.
const reasonUnknownParameter application.ParameterReason = "unknown_parameter"

// reasonTokenInURL refuses a bearer token sent in the URL.
const reasonTokenInURL application.ParameterReason = "token_in_url"

// reasonTicketWithBearer refuses a stream request that sends both a
// ticket and an Authorization header: it must use one.
const reasonTicketWithBearer application.ParameterReason = "ticket_with_bearer"

// paramSpec says which query parameters an endpoint accepts.
type paramSpec struct {
	// documents allows include and fields: the endpoint answers with resources.
	documents bool
	// includable lists the relationship paths include may name.
	includable []string
	// list allows sort, filter[...], page[size] and page[after].
	list bool
	// searchPeer allows search_peer.
	searchPeer bool
	// unread allows unread=true|false.
	unread bool
	// ticket allows ticket, the event stream's single-use credential, and
	// last_event_id, the Last-Event-ID of a client that cannot send headers.
	ticket bool
}

// queryParams are an endpoint's query parameters, checked against its spec.
// Sort, filter and page values are validated later by the use case.
type queryParams struct {
	include    jsonapi.Includes
	fields     jsonapi.Fieldsets
	list       application.RawListQuery
	searchPeer string
	unreadOnly bool
	ticket     *string
	lastEvent  *string
}

// parseQuery reads rawQuery strictly: anything spec does not allow, repeated
// parameters and malformed values are a *application.ParameterError. The
// pairs are split here and unescaped with net/url rather than read with
// url.ParseQuery, which would merge repeated parameters into one map entry,
// lose their order (the first fault is the one reported) and name no
// parameter in its escape errors.
func parseQuery(rawQuery string, spec paramSpec, cursors *cursorCodec) (queryParams, error) {
	var q queryParams
	seen := map[string]bool{}
	for pair := range strings.SplitSeq(rawQuery, "&") {
		if pair == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			return queryParams{}, paramError(jsonapi.Printable(rawKey), application.ReasonInvalidValue)
		}
		if !domain.ValidText(key) {
			return queryParams{}, paramError(jsonapi.Printable(key), application.ReasonInvalidText)
		}
		value, err := url.QueryUnescape(rawValue)
		if err != nil {
			return queryParams{}, paramError(key, application.ReasonInvalidValue)
		}
		if !domain.ValidText(value) {
			return queryParams{}, paramError(key, application.ReasonInvalidText)
		}
		if seen[key] {
			return queryParams{}, paramError(key, application.ReasonDuplicate)
		}
		seen[key] = true
		if err := q.set(key, value, spec, cursors); err != nil {
			return queryParams{}, err
		}
	}
	return q, nil
}

func (q *queryParams) set(key, value string, spec paramSpec, cursors *cursorCodec) error {
	family, member, bracketed := splitFamily(key)
	switch {
	case key == "include" && spec.documents:
		return q.setInclude(value, spec.includable)
	case family == "fields" && bracketed && spec.documents:
		return q.setFields(key, member, value)
	case key == "sort" && spec.list:
		q.list.Sort = &value
	case family == "filter" && bracketed && member != "" && spec.list:
		rf := application.RawFilter{Field: member, Expr: value}
		if err := application.CheckFilterBounds(rf); err != nil {
			return err
		}
		q.list.Filters = append(q.list.Filters, rf)
	case key == "page[size]" && spec.list:
		q.list.PageSize = &value
	case key == "page[after]" && spec.list:
		cursor, err := cursors.decode(value)
		if err != nil {
			return paramError(key, application.ReasonInvalidCursor)
		}
		q.list.After = &cursor
	case key == "search_peer" && spec.searchPeer:
		if err := application.CheckText(key, value, application.MaxSearchLength); err != nil {
			return err
		}
		q.searchPeer = value
	case key == "unread" && spec.unread:
		switch value {
		case "true":
			q.unreadOnly = true
		case "false":
		default:
			return paramError(key, application.ReasonInvalidValue)
		}
	case key == "ticket" && spec.ticket:
		q.ticket = &value
	case key == "last_event_id" && spec.ticket:
		q.lastEvent = &value
	case tokenInURL(key):
		return paramError(key, reasonTokenInURL)
	default:
		return paramError(key, reasonUnknownParameter)
	}
	return nil
}

func (q *queryParams) setInclude(value string, includable []string) error {
	q.include = jsonapi.Includes{}
	if value == "" {
		return nil
	}
	for path := range strings.SplitSeq(value, ",") {
		if !slices.Contains(includable, path) {
			return paramError("include", application.ReasonUnknownField)
		}
		q.include[path] = true
	}
	return nil
}

func (q *queryParams) setFields(key, typ, value string) error {
	known, ok := renderedFields[typ]
	if !ok {
		return paramError(key, application.ReasonUnknownField)
	}
	set := jsonapi.Fieldset{}
	if value != "" {
		for name := range strings.SplitSeq(value, ",") {
			if !slices.Contains(known, name) {
				return paramError(key, application.ReasonUnknownField)
			}
			set[name] = true
		}
	}
	if q.fields == nil {
		q.fields = jsonapi.Fieldsets{}
	}
	q.fields[typ] = set
	return nil
}

// splitFamily splits "filter[name]" into "filter", "name" and true; a key
// without brackets is its own family.
func splitFamily(key string) (family, member string, bracketed bool) {
	open := strings.IndexByte(key, '[')
	if open < 0 || !strings.HasSuffix(key, "]") {
		return key, "", false
	}
	member = key[open+1 : len(key)-1]
	if strings.ContainsAny(member, "[]") {
		return key, "", false
	}
	return key[:open], member, true
}
