package httpapi

import (
	"strings"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// Languages the error texts are written in.
const (
	langEnglish = i18n.English
	langGerman  = i18n.German
)

// message is the detail of a problem: a catalog key, the field or parameter
// it is about and, for a broken cap, the cap.
type message struct {
	key   string
	arg   string
	limit string
}

// Catalog keys of details that do not come from a rule or parameter reason.
const (
	msgNotFound            = "not_found"
	msgRouteNotFound       = "route_not_found"
	msgMethodNotAllowed    = "method_not_allowed"
	msgForbidden           = "forbidden"
	msgConflict            = "conflict"
	msgInvalidCredentials  = "invalid_credentials"
	msgUnauthenticated     = "unauthenticated"
	msgUnavailable         = "unavailable"
	msgInternal            = "internal"
	msgReference           = "reference"
	msgInvalidJSON         = jsonapi.KeyInvalidJSON
	msgDocumentNotObject   = "document_not_object"
	msgNotObject           = "not_object"
	msgMissingMember       = "missing_member"
	msgNotString           = "not_string"
	msgUnexpectedMember    = "unexpected_member"
	msgClientID            = "client_id"
	msgWrongType           = "wrong_type"
	msgUnknownAttribute    = "unknown_attribute"
	msgReadOnly            = "read_only"
	msgRelationship        = "relationship"
	msgUnsupportedMedia    = middleware.KeyUnsupportedMedia
	msgNotAcceptable       = middleware.KeyNotAcceptable
	msgPayloadTooLarge     = middleware.KeyPayloadTooLarge
	msgRateLimited         = middleware.KeyRateLimited
	msgInvalidText         = jsonapi.KeyInvalidText
	msgURITooLong          = "uri_too_long"
	msgHeadersTooLarge     = "headers_too_large"
	msgOnlyNull            = "only_null"
	msgIDMismatch          = "id_mismatch"
	msgTooManyStreams      = "too_many_streams"
	msgStreamNotAcceptable = "stream_not_acceptable"
	msgLastEventID         = "last_event_id"
)

// ruleMessage returns the detail of a broken validation rule, preferring a
// text written for that very field.
func ruleMessage(field string, rule domain.Rule) message {
	key := "rule." + string(rule) + "." + field
	if _, ok := catalog.Detail(langEnglish, key); ok {
		return message{key: key, arg: field}
	}
	return message{key: "rule." + string(rule), arg: field}
}

// reasonKey returns the catalog key of a parameter reason.
func reasonKey(r application.ParameterReason) string {
	return "reason." + string(r)
}

// render puts m into lang.
func (m message) render(lang string) string {
	text, ok := catalog.Detail(lang, m.key)
	if !ok {
		text, _ = catalog.Detail(langEnglish, m.key)
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "{n}", m.limit), "{}", m.arg)
}

// title returns the title of code in lang.
func title(lang, code string) string {
	if t, ok := catalog.Title(lang, code); ok {
		return t
	}
	t, _ := catalog.Title(langEnglish, code)
	return t
}
