package httpapi

import (
	"encoding/json"
	"net/http"
)

// checkIdentity checks data.type and data.id: a create document must not
// choose an id, an update document may name one (returned).
func checkIdentity(data map[string]json.RawMessage, spec documentSpec) (*string, error) {
	rawType, ok := data["type"]
	if !ok {
		return nil, invalidDocument("/data/type", message{key: msgMissingMember, arg: "data.type"})
	}
	var typ string
	if err := json.Unmarshal(rawType, &typ); err != nil {
		return nil, invalidDocument("/data/type", message{key: msgNotString, arg: "data.type"})
	}
	var id *string
	if rawID, ok := data["id"]; ok {
		if !spec.update {
			return nil, reject(http.StatusForbidden, codeForbidden, message{key: msgClientID}, "/data/id")
		}
		id = new(string)
		if err := json.Unmarshal(rawID, id); err != nil {
			return nil, invalidDocument("/data/id", message{key: msgNotString, arg: "data.id"})
		}
	}
	if typ != spec.typ {
		return nil, reject(http.StatusConflict, codeConflict, message{key: msgWrongType, arg: spec.typ}, "/data/type")
	}
	return id, nil
}
