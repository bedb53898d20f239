package httpapi

import (
	"strconv"

	"github.com/parley-chat/parley/domain"
)

// Limits quoted in details, taken from the domain so the texts never drift.
var (
	maxAccountName = strconv.Itoa(domain.MaxAccountNameLength)
	maxName        = strconv.Itoa(domain.MaxNameLength)
	minPassword    = strconv.Itoa(domain.MinPasswordBytes)
	maxPassword    = strconv.Itoa(domain.MaxPasswordBytes)
	maxContent     = strconv.Itoa(domain.MaxMessageLength)
)

// details holds, per language, every detail text; "{}" stands for the field
// or parameter the problem is about, "{n}" for the cap it broke.
var details = withInputDetails(coreDetails)

// coreDetails are the texts of the resource and protocol rules.
var coreDetails = map[string]map[string]string{
	langEnglish: {
		msgNotFound:           "The resource does not exist.",
		msgRouteNotFound:      "No route matches this path.",
		msgMethodNotAllowed:   "This method is not allowed on this path; see the Allow header.",
		msgForbidden:          "You are not allowed to do this.",
		msgConflict:           "The request conflicts with the current state of the resource.",
		msgInvalidCredentials: "The email address or password is wrong.",
		msgUnauthenticated:    "A valid bearer token is required.",
		msgUnavailable:        "The service is temporarily unavailable; try again shortly.",
		msgInternal:           "Something went wrong on our side.",
		msgReference:          "{} does not name an existing resource.",
		msgInvalidJSON:        "The request body is not valid JSON.",
		msgDocumentNotObject:  "The document must be a JSON object.",
		msgNotObject:          "{} must be a JSON object.",
		msgMissingMember:      "The document must contain {}.",
		msgNotString:          "{} must be a string.",
		msgUnexpectedMember:   "{} is not allowed here.",
		msgClientID:           "The server generates ids; data.id must not be sent.",
		msgWrongType:          "data.type must be {}.",
		msgUnknownAttribute:   "{} is not an attribute of this resource.",
		msgReadOnly:           "{} cannot be set.",
		msgRelationship:       "The relationship {} cannot be set here.",
		msgUnsupportedMedia:   "Send the body as application/vnd.api+json without parameters other than profile; no extension is supported.",
		msgNotAcceptable:      "Accept must allow application/vnd.api+json without parameters other than profile; no extension is supported.",
		msgPayloadTooLarge:    "The request body must not exceed {} bytes.",
		msgRateLimited:        "Too many requests; wait before trying again.",

		"rule.required":              "{} is required.",
		"rule.too_long":              "{} is too long.",
		"rule.too_short":             "{} is too short.",
		"rule.format":                "{} has an invalid format.",
		"rule.taken":                 "{} is already taken.",
		"rule.self":                  "{} must not be yourself.",
		"rule.incorrect":             "{} is incorrect.",
		"rule.deactivated":           "{} names a deactivated user.",
		"rule.too_long.account_name": "account_name must be at most " + maxAccountName + " characters.",
		"rule.too_long.name":         "name must be at most " + maxName + " characters.",
		"rule.format.email":          "email must be a valid email address.",
		"rule.too_short.password":    "password must be at least " + minPassword + " bytes.",
		"rule.too_long.password":     "password must be at most " + maxPassword + " bytes.",
		"rule.format.user_id":        "user_id must be a UUID.",
		"rule.self.user_id":          "user_id must be another user's id, not your own.",
		"rule.too_long.content":      "content must be at most " + maxContent + " characters.",

		"reason.unknown_field":     "{} names an unknown field.",
		"reason.unknown_operator":  "{} uses an unknown operator.",
		"reason.invalid_value":     "{} has an invalid value.",
		"reason.duplicate":         "{} is given more than once.",
		"reason.out_of_range":      "{} is out of range.",
		"reason.invalid_cursor":    "{} is not a valid cursor.",
		"reason.unknown_parameter": "{} is not supported here.",
	},
	langGerman: {
		msgNotFound:           "Die Ressource existiert nicht.",
		msgRouteNotFound:      "Zu diesem Pfad gibt es keine Route.",
		msgMethodNotAllowed:   "Diese Methode ist für diesen Pfad nicht erlaubt; siehe Allow-Header.",
		msgForbidden:          "Sie dürfen das nicht tun.",
		msgConflict:           "Die Anfrage widerspricht dem aktuellen Zustand der Ressource.",
		msgInvalidCredentials: "E-Mail-Adresse oder Passwort ist falsch.",
		msgUnauthenticated:    "Ein gültiges Bearer-Token ist erforderlich.",
		msgUnavailable:        "Der Dienst ist vorübergehend nicht verfügbar; bitte gleich erneut versuchen.",
		msgInternal:           "Bei uns ist etwas schiefgegangen.",
		msgReference:          "{} verweist auf keine vorhandene Ressource.",
		msgInvalidJSON:        "Der Anfragetext ist kein gültiges JSON.",
		msgDocumentNotObject:  "Das Dokument muss ein JSON-Objekt sein.",
		msgNotObject:          "{} muss ein JSON-Objekt sein.",
		msgMissingMember:      "Das Dokument muss {} enthalten.",
		msgNotString:          "{} muss eine Zeichenkette sein.",
		msgUnexpectedMember:   "{} ist hier nicht erlaubt.",
		msgClientID:           "Der Server vergibt die IDs; data.id darf nicht gesendet werden.",
		msgWrongType:          "data.type muss {} sein.",
		msgUnknownAttribute:   "{} ist kein Attribut dieser Ressource.",
		msgReadOnly:           "{} kann nicht gesetzt werden.",
		msgRelationship:       "Die Beziehung {} kann hier nicht gesetzt werden.",
		msgUnsupportedMedia:   "Senden Sie den Text als application/vnd.api+json ohne andere Parameter als profile; Erweiterungen werden nicht unterstützt.",
		msgNotAcceptable:      "Accept muss application/vnd.api+json ohne andere Parameter als profile erlauben; Erweiterungen werden nicht unterstützt.",
		msgPayloadTooLarge:    "Der Anfragetext darf höchstens {} Bytes groß sein.",
		msgRateLimited:        "Zu viele Anfragen; bitte warten Sie, bevor Sie es erneut versuchen.",

		"rule.required":              "{} muss angegeben werden.",
		"rule.too_long":              "{} ist zu lang.",
		"rule.too_short":             "{} ist zu kurz.",
		"rule.format":                "{} hat ein ungültiges Format.",
		"rule.taken":                 "{} ist bereits vergeben.",
		"rule.self":                  "{} darf nicht Sie selbst sein.",
		"rule.incorrect":             "{} ist nicht korrekt.",
		"rule.deactivated":           "{} bezeichnet einen deaktivierten Benutzer.",
		"rule.too_long.account_name": "account_name darf höchstens " + maxAccountName + " Zeichen lang sein.",
		"rule.too_long.name":         "name darf höchstens " + maxName + " Zeichen lang sein.",
		"rule.format.email":          "email muss eine gültige E-Mail-Adresse sein.",
		"rule.too_short.password":    "password muss mindestens " + minPassword + " Bytes lang sein.",
		"rule.too_long.password":     "password darf höchstens " + maxPassword + " Bytes lang sein.",
		"rule.format.user_id":        "user_id muss eine UUID sein.",
		"rule.self.user_id":          "user_id muss die ID eines anderen Benutzers sein, nicht Ihre eigene.",
		"rule.too_long.content":      "content darf höchstens " + maxContent + " Zeichen lang sein.",

		"reason.unknown_field":     "{} nennt ein unbekanntes Feld.",
		"reason.unknown_operator":  "{} verwendet einen unbekannten Operator.",
		"reason.invalid_value":     "{} hat einen ungültigen Wert.",
		"reason.duplicate":         "{} wurde mehrfach angegeben.",
		"reason.out_of_range":      "{} liegt außerhalb des erlaubten Bereichs.",
		"reason.invalid_cursor":    "{} ist kein gültiger Cursor.",
		"reason.unknown_parameter": "{} wird hier nicht unterstützt.",
	},
}
