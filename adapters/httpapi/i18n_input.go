package httpapi

import "maps"

// inputDetails are the texts of the rules on raw input: text encoding, caps,
// duplicate members and headers, and oversized requests.
var inputDetails = map[string]map[string]string{
	langEnglish: {
		msgInvalidText:     "{} must be valid UTF-8 text without NUL characters.",
		msgDuplicateMember: "The member {} is given more than once.",
		msgTooDeep:         "The request body is too deeply nested: at most {n} levels of objects and arrays are allowed.",
		msgDuplicateHeader: "The {} header must be given only once.",
		msgURITooLong:      "The request target must not exceed {n} bytes.",
		msgHeadersTooLarge: "The request headers must not exceed {n} bytes.",

		"rule.characters":        "{} must not contain control characters or bidirectional formatting characters.",
		"reason.invalid_text":    "{} must be valid UTF-8 text without NUL characters.",
		"reason.too_long":        "{} must be at most {n} characters.",
		"reason.too_many_values": "{} must list at most {n} values.",
	},
	langGerman: {
		msgInvalidText:     "{} muss gültiger UTF-8-Text ohne NUL-Zeichen sein.",
		msgDuplicateMember: "Das Element {} ist mehrfach angegeben.",
		msgTooDeep:         "Der Anfragetext ist zu tief verschachtelt: höchstens {n} Ebenen von Objekten und Arrays sind erlaubt.",
		msgDuplicateHeader: "Der Header {} darf nur einmal angegeben werden.",
		msgURITooLong:      "Das Anfrageziel darf höchstens {n} Bytes lang sein.",
		msgHeadersTooLarge: "Die Anfrage-Header dürfen höchstens {n} Bytes groß sein.",

		"rule.characters":        "{} darf keine Steuerzeichen und keine bidirektionalen Formatierungszeichen enthalten.",
		"reason.invalid_text":    "{} muss gültiger UTF-8-Text ohne NUL-Zeichen sein.",
		"reason.too_long":        "{} darf höchstens {n} Zeichen lang sein.",
		"reason.too_many_values": "{} darf höchstens {n} Werte aufzählen.",
	},
}

// withInputDetails returns core with inputDetails added, per language.
func withInputDetails(core map[string]map[string]string) map[string]map[string]string {
	out := make(map[string]map[string]string, len(core))
	for lang, texts := range core {
		merged := maps.Clone(texts)
		maps.Copy(merged, inputDetails[lang])
		out[lang] = merged
	}
	return out
}
