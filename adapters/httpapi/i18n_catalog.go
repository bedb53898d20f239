package httpapi

import (
	"strconv"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
	"github.com/parley-chat/parley/domain"
)

// catalog holds the error titles and detail texts of every language, read
// from the files in i18n/catalog. "{}" in a detail stands for the field or
// parameter the problem is about, "{n}" for the cap it broke.
var catalog = mustLoadCatalog()

// catalogLimits are the limits the detail texts quote, taken from the domain
// so the texts never drift.
func catalogLimits() map[string]string {
	return map[string]string{
		"max_account_name": strconv.Itoa(domain.MaxAccountNameLength),
		"max_name":         strconv.Itoa(domain.MaxNameLength),
		"min_password":     strconv.Itoa(domain.MinPasswordBytes),
		"max_password":     strconv.Itoa(domain.MaxPasswordBytes),
		"max_content":      strconv.Itoa(domain.MaxMessageLength),
	}
}

// mustLoadCatalog loads the embedded catalogs; they are part of the binary,
// so failing to read them is a build mistake and panics at start.
func mustLoadCatalog() *i18n.Catalog {
	c, err := i18n.Load(catalogLimits())
	if err != nil {
		panic(err)
	}
	return c
}
