package httpapi

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestCatalogIsComplete takes every error code, catalog key, rule, parameter
// reason and validated field from the source that defines or uses it, so a
// new one cannot go without its English and German text.
func TestCatalogIsComplete(t *testing.T) {
	here, domainSrc, appSrc := parseSource(t, "."), parseSource(t, "../../domain"), parseSource(t, "../../application")
	codes, keys := values(here.constants("code", "")), values(here.constants("msg", ""))
	for _, dir := range []string{"jsonapi", "middleware"} {
		sub := parseSource(t, dir)
		codes = append(codes, values(sub.constants("Code", ""))...)
		keys = append(keys, values(sub.constants("Key", ""))...)
	}
	ruleNames := domainSrc.constants("Rule", "Rule")
	rules := values(ruleNames)
	reasons := append(values(appSrc.constants("", "ParameterReason")), values(here.constants("", "application.ParameterReason"))...)
	pairs := append(domainSrc.validations(ruleNames), appSrc.validations(ruleNames)...)
	require.Subset(t, codes, []string{codeInvalidJSON, codeValidationFailed, codeInternal})
	require.Subset(t, keys, []string{msgNotFound, msgReference, jsonapi.KeyTooDeep, middleware.KeyDuplicateHeader})
	require.Subset(t, rules, []string{string(domain.RuleRequired), string(domain.RuleSelf)})
	require.Subset(t, reasons, []string{string(application.ReasonInvalidCursor), string(reasonUnknownParameter)})
	require.Contains(t, pairs, [2]string{"user_id", string(domain.RuleSelf)})
	for _, lang := range []string{langEnglish, langGerman} {
		t.Run(lang, func(t *testing.T) {
			for _, code := range codes {
				require.NotEmpty(t, catalogTitle(lang, code), code)
			}
			for _, key := range keys {
				require.NotEmpty(t, catalogDetail(lang, key), key)
			}
			for _, rule := range rules {
				require.NotEmpty(t, catalogDetail(lang, "rule."+rule), rule)
			}
			for _, pair := range pairs {
				m := ruleMessage(pair[0], domain.Rule(pair[1]))
				require.NotEmpty(t, catalogDetail(lang, m.key), "%s %s", pair[0], pair[1])
				require.Contains(t, m.render(lang), pair[0])
			}
			for _, reason := range reasons {
				m := message{key: reasonKey(application.ParameterReason(reason)), arg: "sort", limit: "1000"}
				require.NotEmpty(t, catalogDetail(lang, m.key), reason)
				require.Contains(t, m.render(lang), "sort")
				require.NotContains(t, m.render(lang), "{")
			}
		})
	}
	enTitles, enDetails := catalog.Keys(langEnglish)
	deTitles, deDetails := catalog.Keys(langGerman)
	require.Equal(t, enTitles, deTitles, "both languages title the same codes")
	for _, key := range enDetails {
		_, ok := catalog.Detail(langGerman, key)
		require.True(t, ok, "German lacks %s", key)
	}
	require.Len(t, deDetails, len(enDetails))
	for _, text := range enDetails {
		d, _ := catalog.Detail(langEnglish, text)
		require.NotRegexp(t, `\{[a-z][a-z_]+\}`, d, "%s quotes a limit the catalog was not given", text)
	}
	require.NotEqual(t, ruleMessage("user_id", domain.RuleFormat).render(langEnglish), ruleMessage("user_id", domain.RuleFormat).render(langGerman))
}

func TestContentLanguage(t *testing.T) {
	api := newTestAPI(t)
	cases := []struct {
		name, header, want, title string
	}{
		{"default_english", "", "en", "Unauthorized"},
		{"german_with_q_values", "de-DE, en;q=0.5", "de", "Nicht angemeldet"},
		{"english_preferred", "de;q=0.2, en", "en", "Unauthorized"},
		{"unsupported_falls_back", "fr", "en", "Unauthorized"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", headers: map[string]string{"Accept-Language": tc.header}})
			r.requireError(t, http.StatusUnauthorized, codeUnauthorized, "")
			require.Equal(t, tc.want, r.header.Get("Content-Language"))
			require.Equal(t, tc.title, r.doc.Errors[0].Title)
		})
	}
	t.Run("success_responses_too", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/healthz", headers: map[string]string{"Accept-Language": "de"}})
		require.Equal(t, http.StatusOK, r.status)
		require.Equal(t, "de", r.header.Get("Content-Language"))
	})
	t.Run("german_validation_detail", func(t *testing.T) {
		admin := api.signUp(t, "Ada", "ada@acme.test")
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations", token: admin.token,
			body: `{"data":{"type":"direct_conversation","attributes":{"user_id":"nope"}}}`, headers: map[string]string{"Accept-Language": "de"}})
		r.requireError(t, http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/user_id")
		require.True(t, strings.Contains(r.doc.Errors[0].Detail, "UUID"), r.raw)
		require.Equal(t, "Ungültiges Attribut", r.doc.Errors[0].Title)
	})
}

// catalogTitle is the title of code in lang, without the English fallback.
func catalogTitle(lang, code string) string {
	t, _ := catalog.Title(lang, code)
	return t
}

// catalogDetail is the detail text of key in lang, without the English
// fallback.
func catalogDetail(lang, key string) string {
	t, _ := catalog.Detail(lang, key)
	return t
}
